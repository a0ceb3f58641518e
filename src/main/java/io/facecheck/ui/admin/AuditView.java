package io.facecheck.ui.admin;

import io.facecheck.store.AuditEntry;
import io.facecheck.store.AuditLog;
import io.facecheck.ui.BackgroundTask;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executor;

/** The audit log: who did what, when (newest first). Read-only, so it needs no view model of its own. */
public final class AuditView extends BorderPane {
    static final int LIMIT = 1000;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ObservableList<AuditEntry> rows = FXCollections.observableArrayList();
    private final AuditLog audit;
    private final Executor executor;
    private final Label status = new Label();

    public AuditView(AuditLog audit, ZoneId zone, Executor executor) {
        this.audit = audit;
        this.executor = executor;
        getStyleClass().add("page");
        setId("audit");
        TableView<AuditEntry> table = new TableView<>(rows);
        table.setId("audit-table");
        table.getColumns().add(EmployeesView.col("When", a -> WHEN.format(a.at().atZone(zone)), 170));
        table.getColumns().add(EmployeesView.col("Who", AuditEntry::actor, 130));
        table.getColumns().add(EmployeesView.col("Action", AuditEntry::action, 130));
        table.getColumns().add(EmployeesView.col("Target", a -> a.target() == null ? "" : a.target(), 160));
        table.getColumns().add(EmployeesView.col("Details", a -> a.details() == null ? "" : a.details(), 420));
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> reload());
        setTop(EmployeesView.refreshBar(refresh, status));
        setCenter(table);
    }

    public void reload() {
        BackgroundTask.wrap(() -> audit.recent(LIMIT))
                .onSuccess(list -> {
                    rows.setAll(list);
                    status.setText(list.size() + " entries" + (list.size() == LIMIT ? " (newest " + LIMIT + ")" : ""));
                })
                .onFailure(e -> status.setText("Cannot read the audit log: " + e.getMessage()))
                .executeWith(executor);
    }

    public ObservableList<AuditEntry> rows() {
        return rows;
    }
}
