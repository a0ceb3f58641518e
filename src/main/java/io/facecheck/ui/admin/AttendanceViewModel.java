package io.facecheck.ui.admin;

import io.facecheck.attendance.DaySummary;
import io.facecheck.store.CheckInEvent;
import io.facecheck.store.Direction;
import io.facecheck.timesheet.DayRow;
import io.facecheck.timesheet.Timesheet;
import io.facecheck.timesheet.Totals;
import io.facecheck.ui.AppServices;
import io.facecheck.ui.BackgroundTask;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;

/**
 * Attendance for a date range: the timesheet (a row per employee and shift-day with its status, and the totals per
 * employee, from the timesheet service), the per-day summary (first in, last out, hours, late, missing checkout),
 * the events, check-ins per day for the chart, manual corrections with a reason (audited) and CSV/XLSX export.
 */
public final class AttendanceViewModel {
    private final AppServices services;
    private final String actor;
    private final Executor executor;
    private final ZoneId zone;
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObservableList<DaySummary> days = FXCollections.observableArrayList();
    private final ObservableList<CheckInEvent> events = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<String, Number>> perDay = FXCollections.observableArrayList();
    private final ObservableList<DayRow> timesheetDays = FXCollections.observableArrayList();
    private final ObservableList<Totals> totals = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    private record Loaded(List<CheckInEvent> events, List<DaySummary> days, Timesheet timesheet) {
    }

    public AttendanceViewModel(AppServices services, String actor, Executor executor) {
        this.services = services;
        this.actor = actor;
        this.executor = executor;
        this.zone = services.settings().checkIn().zone();
        LocalDate today = LocalDate.now(zone);
        from.set(today.withDayOfMonth(1));
        to.set(today);
    }

    public ZoneId zone() {
        return zone;
    }

    private boolean rangeOk() {
        if (from.get() == null || to.get() == null || to.get().isBefore(from.get())) {
            status.set("Choose a date range: 'from' on or before 'to'");
            return false;
        }
        return true;
    }

    public void reload() {
        if (!rangeOk()) {
            return;
        }
        LocalDate f = from.get();
        LocalDate t = to.get();
        BackgroundTask.wrap(() -> new Loaded(services.reports().events(f, t), services.reports().summary(f, t),
                        services.timesheets().compute(f, t, zone)))
                .onRunning(() -> busy.set(true))
                .onSuccess(l -> {
                    events.setAll(l.events());
                    days.setAll(l.days());
                    perDay.setAll(chartData(l.events(), f, t));
                    timesheetDays.setAll(l.timesheet().days());
                    totals.setAll(l.timesheet().totals());
                    status.set(count(l.events().size(), "event") + ", " + count(l.days().size(), "person-day") + " from " + f
                            + " to " + t);
                })
                .onFailure(e -> status.set("Cannot load attendance: " + e.getMessage()))
                .onFinished(() -> busy.set(false))
                .executeWith(executor);
    }

    /** Check-ins (IN events) per day, every day of the range present. */
    List<XYChart.Data<String, Number>> chartData(List<CheckInEvent> list, LocalDate f, LocalDate t) {
        Map<LocalDate, Integer> counts = new TreeMap<>();
        for (LocalDate d = f; !d.isAfter(t); d = d.plusDays(1)) {
            counts.put(d, 0);
        }
        for (CheckInEvent e : list) {
            if (e.direction() == Direction.IN) {
                counts.merge(e.at().atZone(zone).toLocalDate(), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .map(en -> new XYChart.Data<String, Number>(en.getKey().toString().substring(5), en.getValue()))
                .toList();
    }

    /** Moves or re-labels an event; the reason is required and audited. */
    public void correct(CheckInEvent event, LocalDate day, LocalTime time, Direction direction, String reason) {
        Instant at = day.atTime(time).atZone(zone).toInstant();
        run(() -> services.corrections().edit(event.id(), at, direction, reason, actor), "Corrected event of " + event.code());
    }

    /** Adds an event the kiosk missed (e.g. a forgotten checkout); the reason is required and audited. */
    public void addMissed(String code, LocalDate day, LocalTime time, Direction direction, String reason) {
        Instant at = day.atTime(time).atZone(zone).toInstant();
        run(() -> services.corrections().add(code, at, direction, reason, actor), "Added " + direction + " for " + code);
    }

    private void run(java.util.concurrent.Callable<?> work, String done) {
        BackgroundTask.wrap(work)
                .onSuccess(x -> {
                    status.set(done);
                    reload();
                })
                .onFailure(e -> status.set("Cannot save the correction: " + e.getMessage()))
                .executeWith(executor);
    }

    /** Writes the per-day summary (or the raw events) of the range as CSV; audited. */
    public void export(Path out, boolean summary) {
        if (!rangeOk()) {
            return;
        }
        LocalDate f = from.get();
        LocalDate t = to.get();
        BackgroundTask.wrap(() -> summary ? services.reports().exportSummary(f, t, out, actor)
                        : services.reports().exportEvents(f, t, out, actor))
                .onRunning(() -> busy.set(true))
                .onSuccess(n -> status.set("Exported " + n + " rows to " + out))
                .onFailure(e -> status.set("Cannot export: " + e.getMessage()))
                .onFinished(() -> busy.set(false))
                .executeWith(executor);
    }

    /**
     * Writes the period's timesheet: an {@code .xlsx} file (summary, daily rows, raw events) in the screen's
     * language, else CSV (the daily rows, and the totals beside it) with the machine headers; audited.
     */
    public void exportTimesheet(Path out) {
        if (!rangeOk()) {
            return;
        }
        java.util.Locale language = io.facecheck.config.Messages.locale();
        LocalDate f = from.get();
        LocalDate t = to.get();
        BackgroundTask.wrap(() -> services.timesheets().export(f, t, zone, out, services.csv(), actor, language, false))
                .onRunning(() -> busy.set(true))
                .onSuccess(x -> status.set("Exported the timesheet to " + x.files().stream().map(Path::toString)
                        .collect(java.util.stream.Collectors.joining(", "))))
                .onFailure(e -> status.set("Cannot export: " + e.getMessage()))
                .onFinished(() -> busy.set(false))
                .executeWith(executor);
    }

    /** The period's timesheet: one row per employee and shift-day, the absent included. */
    public ObservableList<DayRow> timesheetDays() {
        return timesheetDays;
    }

    /** The period's totals per employee. */
    public ObservableList<Totals> totals() {
        return totals;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObservableList<DaySummary> days() {
        return days;
    }

    public ObservableList<CheckInEvent> events() {
        return events;
    }

    public ObservableList<XYChart.Data<String, Number>> perDay() {
        return perDay;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
