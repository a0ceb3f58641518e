package io.facecheck.timesheet;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Leave of one employee: full days {@code from}..{@code to} (inclusive) when {@code minutes} is null, or
 * {@code minutes} of leave on the single day {@code from == to}. {@code type} is one of the configured leave types
 * (annual, sick, unpaid, …).
 */
public record Leave(String employeeCode, LocalDate from, LocalDate to, String type, Integer minutes) {
    public Leave {
        Objects.requireNonNull(employeeCode, "employeeCode");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(type, "type");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("leave ends (" + to + ") before it starts (" + from + ")");
        }
        if (minutes != null && (minutes <= 0 || !from.equals(to))) {
            throw new IllegalArgumentException("hourly leave is a positive number of hours on one day");
        }
    }

    public boolean fullDays() {
        return minutes == null;
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
