package io.facecheck.ui.admin;

import io.facecheck.store.AuditLog;
import io.facecheck.store.CheckInEvent;
import io.facecheck.store.Direction;
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

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;

/**
 * Attendance for a date range: the events, check-ins per day for the chart, manual correction with a reason
 * (audited) and CSV export.
 */
public final class AttendanceViewModel {
    private final AppServices services;
    private final String actor;
    private final Executor executor;
    private final ZoneId zone;
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObservableList<CheckInEvent> events = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<String, Number>> perDay = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

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

    public void reload() {
        LocalDate f = from.get();
        LocalDate t = to.get();
        if (f == null || t == null || t.isBefore(f)) {
            status.set("Choose a date range: 'from' on or before 'to'");
            return;
        }
        Instant start = f.atStartOfDay(zone).toInstant();
        Instant end = t.plusDays(1).atStartOfDay(zone).toInstant();
        BackgroundTask.wrap(() -> services.events().between(start, end))
                .onRunning(() -> busy.set(true))
                .onSuccess(list -> {
                    events.setAll(list);
                    perDay.setAll(chartData(list, f, t));
                    status.set(list.size() + " events from " + f + " to " + t);
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
        if (reason == null || reason.isBlank()) {
            status.set("A correction needs a reason");
            return;
        }
        Instant at = day.atTime(time).atZone(zone).toInstant();
        BackgroundTask.wrap(() -> {
                    CheckInEvent c = services.events().correct(event.id(), at, direction, reason.strip(), actor);
                    services.audit().record(actor, AuditLog.CORRECTION, event.code(),
                            "event " + event.id() + " -> " + direction + " " + day + " " + time + ": " + reason.strip());
                    return c;
                })
                .onSuccess(c -> {
                    status.set("Corrected event of " + c.code());
                    reload();
                })
                .onFailure(e -> status.set("Cannot correct: " + e.getMessage()))
                .executeWith(executor);
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
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
}
