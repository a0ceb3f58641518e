package io.facecheck.timesheet;

/** Whether a punch (a check-in event) starts or ends a stretch of work. */
public enum PunchType {
    IN, OUT
}
