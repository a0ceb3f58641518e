package io.facecheck.timesheet;

import java.time.LocalDate;
import java.util.Objects;

/** A per-date assignment for rotating shifts; it overrides the weekly schedule. {@code shiftName} may be OFF. */
public record RosterEntry(String employeeCode, LocalDate date, String shiftName) {
    public RosterEntry {
        Objects.requireNonNull(employeeCode, "employeeCode");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(shiftName, "shiftName");
    }

    public boolean off() {
        return Shift.OFF.equalsIgnoreCase(shiftName);
    }
}
