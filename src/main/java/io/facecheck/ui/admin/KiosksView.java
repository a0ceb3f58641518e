package io.facecheck.ui.admin;

import io.facecheck.store.KioskRegistry;
import io.facecheck.ui.BackgroundTask;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executor;

/**
 * The kiosks that use this database, from their heartbeats: id, online or not, last seen, version, check-ins
 * waiting in their offline journal. Read-only, like the audit log.
 */
public final class KiosksView extends BorderPane {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ObservableList<KioskRegistry.Kiosk> rows = FXCollections.observableArrayList();
    private final KioskRegistry registry;
    private final Executor executor;
    private final Label status = new Label();
    private volatile Instant loadedAt = Instant.now();

    public KiosksView(KioskRegistry registry, ZoneId zone, Executor executor) {
        this.registry = registry;
        this.executor = executor;
        getStyleClass().add("page");
        setId("kiosks");
        TableView<KioskRegistry.Kiosk> table = new TableView<>(rows);
        table.setId("kiosks-table");
        table.setPlaceholder(new Label("No kiosk has used this database yet."));
        table.getColumns().add(EmployeesView.col("Kiosk", KioskRegistry.Kiosk::id, 160));
        table.getColumns().add(EmployeesView.col("State", k -> k.online(loadedAt) ? "online" : "offline", 90));
        table.getColumns().add(EmployeesView.col("Last seen", k -> WHEN.format(k.lastSeen().atZone(zone)), 170));
        table.getColumns().add(EmployeesView.col("Version", k -> k.version() == null ? "" : k.version(), 120));
        table.getColumns().add(EmployeesView.col("Check-ins waiting", k -> String.valueOf(k.pendingEvents()), 140));
        Button refresh = new Button("Refresh");
        refresh.setId("kiosks-refresh");
        refresh.setOnAction(e -> reload());
        setTop(EmployeesView.refreshBar(refresh, status));
        setCenter(table);
    }

    public void reload() {
        BackgroundTask.wrap(registry::list)
                .onSuccess(list -> {
                    loadedAt = Instant.now();
                    rows.setAll(list);
                    long online = list.stream().filter(k -> k.online(loadedAt)).count();
                    status.setText(list.size() + " kiosks, " + online + " online");
                })
                .onFailure(e -> status.setText("Cannot read the kiosks: " + e.getMessage()))
                .executeWith(executor);
    }

    public ObservableList<KioskRegistry.Kiosk> rows() {
        return rows;
    }
}
