package io.facecheck.timesheet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A period's timesheet: a row for every employee of the input and every shift-start date {@code from}..{@code to}
 * (so an absent employee has rows too), by code then date, and each employee's totals, by code.
 *
 * <p>Each employee's punches are sorted once and handed out to the consecutive occurrence windows in one sweep,
 * so the work grows with employees × days + punches.
 */
public final class TimesheetCalculator {
    private TimesheetCalculator() {
    }

    public static Timesheet compute(TimesheetInput input) {
        Objects.requireNonNull(input.from(), "from");
        Objects.requireNonNull(input.to(), "to");
        Objects.requireNonNull(input.zone(), "zone");
        Attribution attribution = new Attribution(new ScheduleResolver(orEmpty(input.shiftsByName()),
                orEmpty(input.assignments()), orEmpty(input.roster())), input.zone());
        Set<LocalDate> holidays = new HashSet<>();
        for (Holiday h : orEmpty(input.holidays())) {
            holidays.add(h.date());
        }
        Map<String, List<Leave>> leaveByCode = new HashMap<>();
        for (Leave l : orEmpty(input.leave())) {
            leaveByCode.computeIfAbsent(l.employeeCode(), c -> new ArrayList<>()).add(l);
        }
        Map<String, List<Punch>> punchesByCode = input.punches() == null ? Map.of() : input.punches();

        List<TimesheetEmployee> employees = new ArrayList<>(orEmpty(input.employees()));
        employees.sort(Comparator.comparing(TimesheetEmployee::code));
        List<DayRow> days = new ArrayList<>();
        List<Totals> totals = new ArrayList<>(employees.size());
        for (TimesheetEmployee e : employees) {
            List<Punch> punches = new ArrayList<>(punchesByCode.getOrDefault(e.code(), List.of()));
            punches.sort(Comparator.comparing(Punch::at));
            List<Leave> leave = leaveByCode.getOrDefault(e.code(), List.of());
            TotalsCalculator sum = new TotalsCalculator(e.code());
            int next = 0;
            for (ShiftOccurrence o : attribution.occurrences(e, input.from(), input.to())) {
                while (next < punches.size() && punches.get(next).at().isBefore(o.windowStart())) {
                    next++;
                }
                int end = next;
                while (end < punches.size() && o.contains(punches.get(end).at())) {
                    end++;
                }
                DayResult day = DayCalculator.compute(o, holidays.contains(o.date()), leaveOn(leave, o.date()),
                        punches.subList(next, end), input.zone());
                next = end;
                days.add(day.row());
                sum.add(day);
            }
            totals.add(sum.totals());
        }
        return new Timesheet(days, totals);
    }

    /** The leave covering {@code date}; full-day leave before hourly leave. */
    private static Leave leaveOn(List<Leave> leave, LocalDate date) {
        Leave hourly = null;
        for (Leave l : leave) {
            if (l.covers(date)) {
                if (l.fullDays()) {
                    return l;
                }
                if (hourly == null) {
                    hourly = l;
                }
            }
        }
        return hourly;
    }

    private static <T> Collection<T> orEmpty(Collection<T> c) {
        return c == null ? List.of() : c;
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> m) {
        return m == null ? Map.of() : m;
    }
}
