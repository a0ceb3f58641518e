package io.facecheck.timesheet;

import java.util.Objects;

/** The employee facts the rules need: the code, and the department whose default schedule applies (or null). */
public record TimesheetEmployee(String code, String department) {
    public TimesheetEmployee {
        Objects.requireNonNull(code, "code");
    }
}
