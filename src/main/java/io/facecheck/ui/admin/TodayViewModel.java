package io.facecheck.ui.admin;

import io.facecheck.app.TodayService;
import io.facecheck.ui.AppServices;
import io.facecheck.ui.BackgroundTask;
import io.facecheck.config.Messages;
import io.facecheck.ui.I18n;
import io.facecheck.ui.I18n.Text;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
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
    private final ObjectProperty<TodayService.Board> board = new SimpleObjectProperty<>();
    private final ObjectProperty<Text> failure = new SimpleObjectProperty<>(Text.NONE);
    private final StringBinding status = I18n.format(this::statusText, board, failure);
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
                    failure.set(Text.NONE);
                    board.set(b);
                })
                .onFailure(e -> failure.set(Text.of("timesheet.today.error.load", e.getMessage())))
                .onFinished(() -> loading.set(false))
                .executeWith(executor);
    }

    private String statusText() {
        if (!failure.get().isEmpty()) {
            return failure.get().get();
        }
        TodayService.Board b = board.get();
        return b == null ? "" : Messages.get("timesheet.today.status", TimesheetUi.dateWithWeekday(b.date()),
                WHEN.format(b.at().atZone(zone)), b.in().size(), b.late().size(), b.absent().size(),
                b.onLeave().size());
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

    /** When the board was read and its counts, or why it could not be, in whatever language is current. */
    public StringBinding statusProperty() {
        return status;
    }
}
