package io.facecheck.ui.admin;

import io.facecheck.app.TodayService;
import io.facecheck.ui.AppServices;
import io.facecheck.ui.BackgroundTask;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/** Today page: the live board of {@link TodayService} (in, late, absent so far, on leave), reloaded on demand. */
public final class TodayViewModel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final AppServices services;
    private final Executor executor;
    private final ZoneId zone;
    private final ObservableList<TodayService.Person> in = FXCollections.observableArrayList();
    private final ObservableList<TodayService.Person> late = FXCollections.observableArrayList();
    private final ObservableList<TodayService.Person> absent = FXCollections.observableArrayList();
    private final ObservableList<TodayService.Person> onLeave = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final AtomicBoolean loading = new AtomicBoolean();

    public TodayViewModel(AppServices services, Executor executor) {
        this.services = services;
        this.executor = executor;
        this.zone = services.settings().checkIn().zone();
    }

    /** Reads the board as of now; a reload asked for while one runs is skipped (the periodic one comes again). */
    public void reload() {
        if (!loading.compareAndSet(false, true)) {
            return;
        }
        BackgroundTask.wrap(() -> services.today().board(Instant.now(), zone))
                .onSuccess(b -> {
                    in.setAll(b.in());
                    late.setAll(b.late());
                    absent.setAll(b.absent());
                    onLeave.setAll(b.onLeave());
                    status.set(b.date() + ", updated " + WHEN.format(b.at().atZone(zone)) + ": " + b.in().size()
                            + " in, " + b.late().size() + " late, " + b.absent().size() + " absent so far, "
                            + b.onLeave().size() + " on leave");
                })
                .onFailure(e -> status.set("Cannot read today's attendance: " + e.getMessage()))
                .onFinished(() -> loading.set(false))
                .executeWith(executor);
    }

    public ObservableList<TodayService.Person> in() {
        return in;
    }

    public ObservableList<TodayService.Person> late() {
        return late;
    }

    public ObservableList<TodayService.Person> absent() {
        return absent;
    }

    public ObservableList<TodayService.Person> onLeave() {
        return onLeave;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
