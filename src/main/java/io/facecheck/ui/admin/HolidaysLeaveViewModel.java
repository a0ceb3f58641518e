package io.facecheck.ui.admin;

import io.facecheck.timesheet.Holiday;
import io.facecheck.timesheet.Leave;
import io.facecheck.ui.AppServices;
import io.facecheck.ui.BackgroundTask;
import io.facecheck.ui.I18n.Text;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

/**
 * Holidays &amp; leave page for one year: the holiday calendar (add, import an iCalendar file, remove) and the
 * employees' leave (add, full days or hours on one day). The holiday and leave services check and audit every
 * change; what they refuse (overlapping leave, a date that already is a holiday) is shown with their message.
 */
public final class HolidaysLeaveViewModel {
    private final AppServices services;
    private final String actor;
    private final Executor executor;
    private final ObjectProperty<Integer> year = new SimpleObjectProperty<>(LocalDate.now().getYear());
    private final ObservableList<Holiday> holidays = FXCollections.observableArrayList();
    private final ObservableList<Leave> leave = FXCollections.observableArrayList();
    private final ObservableList<String> leaveTypes = FXCollections.observableArrayList();
    private final ObjectProperty<Text> status = new SimpleObjectProperty<>(Text.NONE);

    private record Loaded(List<Holiday> holidays, List<Leave> leave, List<String> types) {
    }

    public HolidaysLeaveViewModel(AppServices services, String actor, Executor executor) {
        this.services = services;
        this.actor = actor;
        this.executor = executor;
    }

    public void reload() {
        int y = year.get();
        LocalDate first = LocalDate.of(y, 1, 1);
        LocalDate last = LocalDate.of(y, 12, 31);
        BackgroundTask.wrap(() -> new Loaded(services.holidays().between(first, last),
                        services.leave().between(first, last), services.leave().types()))
                .onSuccess(l -> {
                    holidays.setAll(l.holidays());
                    leave.setAll(l.leave());
                    leaveTypes.setAll(l.types());
                })
                .onFailure(e -> status.set(Text.of("timesheet.holidays.error.load", e.getLocalizedMessage())))
                .executeWith(executor);
    }

    public void addHoliday(LocalDate date, String name) {
        change(() -> services.holidays().add(date, name, actor), Text.of("timesheet.holidays.added", date, name));
    }

    public void removeHoliday(Holiday h) {
        change(() -> services.holidays().remove(h.date(), actor), Text.of("timesheet.holidays.removed", h.date(), h.name()));
    }

    /** Imports the all-day events of an iCalendar file; dates already holidays keep their names. */
    public void importIcs(Path ics) {
        BackgroundTask.wrap(() -> services.holidays().importIcs(ics, actor))
                .onSuccess(r -> {
                    status.set(Text.of("timesheet.holidays.imported", ics.getFileName().toString(), r.added().size(),
                            r.alreadyThere().size(), r.timedEventsIgnored()));
                    reload();
                })
                .onFailure(e -> status.set(Text.of("timesheet.not-imported", e.getLocalizedMessage())))
                .executeWith(executor);
    }

    /** Leave of {@code code}: full days {@code from..to}, or {@code hours} (not null) on the one day from == to. */
    public void addLeave(String code, LocalDate from, LocalDate to, String type, Double hours) {
        change(() -> services.leave().add(code, from, to, type, hours, actor), Text.of("timesheet.leave.added", type, code));
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

    public ObjectProperty<Integer> yearProperty() {
        return year;
    }

    public ObservableList<Holiday> holidays() {
        return holidays;
    }

    public ObservableList<Leave> leave() {
        return leave;
    }

    public ObservableList<String> leaveTypes() {
        return leaveTypes;
    }

    /** What the page last did or refused, as words in whatever language is current. */
    public ObjectProperty<Text> statusProperty() {
        return status;
    }
}
