package io.facecheck.timesheet;

import java.util.List;

/** A period's daily rows (by code, then date) and per-employee totals (by code). */
public record Timesheet(List<DayRow> days, List<Totals> totals) {
    public Timesheet {
        days = List.copyOf(days);
        totals = List.copyOf(totals);
    }
}
