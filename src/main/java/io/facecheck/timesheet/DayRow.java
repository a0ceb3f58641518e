package io.facecheck.timesheet;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The figures of one employee's shift-day. {@code date} is the local date the shift occurrence starts on;
 * {@code shift} is null on a day with no shift; {@code firstIn}/{@code lastOut} are local date-times in the report
 * zone (null when there is none); {@code leaveType} is null without leave.
 */
public record DayRow(String code, LocalDate date, String shift, DayStatus status, LocalDateTime firstIn,
                     LocalDateTime lastOut, int workedMinutes, int scheduledMinutes, int lateMinutes,
                     int earlyLeaveMinutes, int overtimeMinutes, String leaveType) {
}
