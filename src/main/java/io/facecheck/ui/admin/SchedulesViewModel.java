package io.facecheck.ui.admin;

import io.facecheck.timesheet.ScheduleAssignment;
import io.facecheck.timesheet.Shift;
import io.facecheck.ui.AppServices;
import io.facecheck.ui.BackgroundTask;
import io.facecheck.ui.I18n.Text;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

/**
 * Schedules page: the shifts, and who works which (weekly assignments per employee or department, roster files).
 * Every change goes through the shift and schedule services, which check it and audit it with the administrator's
 * name.
 */
public final class SchedulesViewModel {
    private final AppServices services;
    private final String actor;
    private final Executor executor;
    private final ObservableList<Shift> shifts = FXCollections.observableArrayList();
    private final ObservableList<ScheduleAssignment> assignments = FXCollections.observableArrayList();
    private final ObjectProperty<Text> status = new SimpleObjectProperty<>(Text.NONE);

    private record Loaded(List<Shift> shifts, List<ScheduleAssignment> assignments) {
    }

    public SchedulesViewModel(AppServices services, String actor, Executor executor) {
        this.services = services;
        this.actor = actor;
        this.executor = executor;
    }

    public void reload() {
        BackgroundTask.wrap(() -> new Loaded(services.shifts().list(), services.schedules().assignments()))
                .onSuccess(l -> {
                    shifts.setAll(l.shifts());
                    assignments.setAll(l.assignments());
                })
                .onFailure(e -> status.set(Text.of("timesheet.schedules.error.load", e.getLocalizedMessage())))
                .executeWith(executor);
    }

    /** Adds a fixed shift; an end at or before the start means it ends the next day. */
    public void addFixed(String name, LocalTime start, LocalTime end, int graceIn, int graceOut, int breakMinutes,
                         int overtimeAfter) {
        change(() -> services.shifts().add(Shift.fixed(name, start, end, graceIn, graceOut, breakMinutes,
                overtimeAfter), actor), Text.of("timesheet.schedules.added", name));
    }

    /** Adds a flexitime shift: {@code hours} anywhere between {@code earliest} and {@code latest}. */
    public void addFlexible(String name, double hours, LocalTime earliest, LocalTime latest, int breakMinutes,
                            int overtimeAfter) {
        change(() -> services.shifts().add(Shift.flexible(name, (int) Math.round(hours * 60), earliest, latest,
                breakMinutes, overtimeAfter), actor), Text.of("timesheet.schedules.added-flexible", name));
    }

    /**
     * From {@code from} on, {@code shift} (or {@link Shift#OFF}) on {@code days} for the employee {@code code}, or,
     * with {@code code} null, for everyone in {@code department}.
     */
    public void assign(String code, String department, String shift, Set<DayOfWeek> days, LocalDate from) {
        Text done = code != null ? Text.of("timesheet.schedules.assigned", shift, code, from)
                : Text.of("timesheet.schedules.assigned-department", shift, department, from);
        change(() -> services.schedules().assign(new ScheduleAssignment(code, department, shift, days, from), actor),
                done);
    }

    /** Imports a roster file ({@code code,date,shift}); a bad row refuses the whole file. */
    public void importRoster(Path csv) {
        BackgroundTask.wrap(() -> services.schedules().importRoster(csv, actor))
                .onSuccess(r -> {
                    status.set(Text.of("timesheet.schedules.roster.done", csv.getFileName().toString(), r.added(),
                            r.changed(), r.unchanged()));
                    reload();
                })
                .onFailure(e -> status.set(Text.of("timesheet.not-imported", e.getLocalizedMessage())))
                .executeWith(executor);
    }

    private void change(Callable<?> work, Text done) {
        BackgroundTask.wrap(work)
                .onSuccess(x -> {
                    status.set(done);
                    reload();
                })
                .onFailure(e -> status.set(Text.of("timesheet.not-saved", e.getLocalizedMessage())))
                .executeWith(executor);
    }

    public ObservableList<Shift> shifts() {
        return shifts;
    }

    public ObservableList<ScheduleAssignment> assignments() {
        return assignments;
    }

    /** What the page last did or refused, as words in whatever language is current. */
    public ObjectProperty<Text> statusProperty() {
        return status;
    }
}
