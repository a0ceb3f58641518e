package io.facecheck.ui.admin;

import io.facecheck.config.Messages;
import io.facecheck.store.AuditEntry;
import io.facecheck.ui.I18n;
import io.facecheck.ui.I18n.Text;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import io.facecheck.app.AuditService;
import io.facecheck.ui.BackgroundTask;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

import java.time.ZoneId;
import java.util.concurrent.Executor;

/** The audit log: who did what, when (newest first). Read-only, so it needs no view model of its own. */
public final class AuditView extends BorderPane {
    static final int LIMIT = 1000;

    private final ObservableList<AuditEntry> rows = FXCollections.observableArrayList();
    private final AuditService audit;
    private final Executor executor;
    private final Label status = new Label();
    private final ObjectProperty<Text> statusText = new SimpleObjectProperty<>(Text.NONE);

    public AuditView(AuditService audit, ZoneId zone, Executor executor) {
        this.audit = audit;
        this.executor = executor;
        getStyleClass().add("page");
        setId("audit");
        TableView<AuditEntry> table = new TableView<>(rows);
        table.setId("audit-table");
        table.getColumns().add(Localized.column("admin.audit.col.when", a -> Localized.dateTime(a.at().atZone(zone)), 170));
        table.getColumns().add(Localized.column("admin.audit.col.who", AuditEntry::actor, 130));
        table.getColumns().add(Localized.column("admin.audit.col.action", AuditView::action, 150));
        table.getColumns().add(Localized.column("admin.audit.col.target", a -> a.target() == null ? "" : a.target(), 160));
        // details are the record's own words (what changed, file paths): kept as written
        table.getColumns().add(Localized.column("admin.audit.col.details", a -> a.details() == null ? "" : a.details(), 420));
        table.setPlaceholder(Localized.label("admin.audit.empty"));
        Button refresh = Localized.button("admin.common.refresh");
        refresh.setOnAction(e -> reload());
        status.textProperty().bind(I18n.text(statusText));
        setTop(EmployeesView.refreshBar(refresh, status));
        setCenter(table);
    }

    public void reload() {
        BackgroundTask.wrap(() -> audit.recent(LIMIT))
                .onSuccess(list -> {
                    rows.setAll(list);
                    statusText.set(list.size() == LIMIT ? Text.of("admin.audit.count.newest", LIMIT)
                            : Text.of("admin.audit.count", list.size()));
                })
                .onFailure(e -> statusText.set(Text.of("admin.audit.error", e.getMessage())))
                .executeWith(executor);
    }

    /**
     * The administrator's words for an action code ({@code enroll}, {@code correction}, …); an action without
     * words of its own is shown as recorded.
     */
    static String action(AuditEntry a) {
        String key = "admin.audit.action." + a.action();
        return Messages.bundle(java.util.Locale.ENGLISH).containsKey(key) ? Messages.get(key) : a.action();
    }

    public ObservableList<AuditEntry> rows() {
        return rows;
    }
}
