package io.facecheck.ui.admin;

import io.facecheck.app.TodayService;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
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
        Button refresh = new Button("Refresh");
        refresh.setId("today-refresh");
        refresh.setOnAction(e -> vm.reload());
        Label status = new Label();
        status.setId("today-status");
        status.textProperty().bind(vm.statusProperty());
        setTop(EmployeesView.refreshBar(refresh, status));
        HBox columns = new HBox(12, column("In", "today-in", vm.in()), column("Late", "today-late", vm.late()),
                column("Absent so far", "today-absent", vm.absent()), column("On leave", "today-leave", vm.onLeave()));
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

    private static VBox column(String title, String id, ObservableList<TodayService.Person> people) {
        Label heading = new Label();
        heading.getStyleClass().add("today-title");
        heading.textProperty().bind(javafx.beans.binding.Bindings.size(people).asString(title + " (%d)"));
        ListView<TodayService.Person> list = new ListView<>(people);
        list.setId(id + "-list");
        list.setPlaceholder(new Label("Nobody"));
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
