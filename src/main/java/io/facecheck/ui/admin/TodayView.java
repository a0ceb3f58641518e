package io.facecheck.ui.admin;

import io.facecheck.app.TodayService;
import io.facecheck.config.Messages;
import io.facecheck.ui.I18n;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.Locale;

/**
 * Today page: four columns (in, late, absent so far, on leave) under the shared refresh bar; while the page is on
 * screen it reloads every {@link #REFRESH}.
 */
public final class TodayView extends BorderPane {
    static final Duration REFRESH = Duration.seconds(30);

    private final TodayViewModel vm;
    private final Timeline timer;

    public TodayView(TodayViewModel vm) {
        this.vm = vm;
        getStyleClass().add("page");
        setId("today");
        Button refresh = TimesheetUi.button("today-refresh", "timesheet.today.refresh");
        refresh.setOnAction(e -> vm.reload());
        Label status = new Label();
        status.setId("today-status");
        status.textProperty().bind(vm.statusProperty());
        setTop(EmployeesView.refreshBar(refresh, status));
        HBox columns = new HBox(12, column("timesheet.today.in", "today-in", vm.in()),
                column("timesheet.today.late", "today-late", vm.late()),
                column("timesheet.today.absent", "today-absent", vm.absent()),
                column("timesheet.today.leave", "today-leave", vm.onLeave()));
        setCenter(columns);
        timer = new Timeline(new KeyFrame(REFRESH, e -> {
            if (shown()) {
                vm.reload();
            }
        }));
        timer.setCycleCount(Timeline.INDEFINITE);
        // runs while the page is part of a window; the admin screens leaving (log out) stops it
        sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                timer.stop();
            } else {
                timer.play();
            }
        });
    }

    /** Whether this page is on screen (its tab selected, its window showing). */
    private boolean shown() {
        if (getScene() == null || getScene().getWindow() == null || !getScene().getWindow().isShowing()) {
            return false;
        }
        for (Node n = this; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static VBox column(String titleKey, String id, ObservableList<TodayService.Person> people) {
        Label heading = new Label();
        heading.getStyleClass().add("today-title");
        heading.textProperty().bind(I18n.format(() -> Messages.get(titleKey, people.size()), people));
        ListView<TodayService.Person> list = new ListView<>(people);
        list.setId(id + "-list");
        list.setPlaceholder(TimesheetUi.label("timesheet.today.nobody"));
        ChangeListener<Locale> redraw = (o, was, now) -> list.refresh();
        list.getProperties().put(TodayView.class, redraw);
        I18n.locale().addListener(new WeakChangeListener<>(redraw));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(TodayService.Person p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.name() + " (" + p.code() + ")"
                        + (p.shift() == null ? "" : ", " + p.shift()) + "\n" + p.detail());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(8, heading, list);
        box.getStyleClass().addAll("today-column", id);
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setPrefWidth(300);
        return box;
    }

    public TodayViewModel viewModel() {
        return vm;
    }
}
