package io.facecheck.ui.admin;

import io.facecheck.config.Messages;
import io.facecheck.app.KioskService;
import io.facecheck.store.KioskRegistry.Kiosk;
import io.facecheck.ui.I18n;
import io.facecheck.ui.I18n.Text;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
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
import java.text.NumberFormat;
import java.util.concurrent.Executor;

/**
 * The kiosks that use this database, from their heartbeats: id, online or not, last seen, version, check-ins
 * waiting in their offline journal. Read-only, like the audit log.
 */
public final class KiosksView extends BorderPane {

    private final ObservableList<Kiosk> rows = FXCollections.observableArrayList();
    private final KioskService kiosks;
    private final Executor executor;
    private final Label status = new Label();
    private final ObjectProperty<Text> statusText = new SimpleObjectProperty<>(Text.NONE);
    private volatile Instant loadedAt = Instant.now();

    public KiosksView(KioskService kiosks, ZoneId zone, Executor executor) {
        this.kiosks = kiosks;
        this.executor = executor;
        getStyleClass().add("page");
        setId("kiosks");
        TableView<Kiosk> table = new TableView<>(rows);
        table.setId("kiosks-table");
        table.setPlaceholder(Localized.label("admin.kiosks.empty"));
        table.getColumns().add(Localized.column("admin.kiosks.col.kiosk", Kiosk::id, 160));
        table.getColumns().add(Localized.column("admin.kiosks.col.state",
                k -> Messages.get(k.online(loadedAt) ? "admin.kiosks.online" : "admin.kiosks.offline"), 90));
        table.getColumns().add(Localized.column("admin.kiosks.col.last-seen",
                k -> Localized.dateTime(k.lastSeen().atZone(zone)), 170));
        table.getColumns().add(Localized.column("admin.kiosks.col.version", k -> k.version() == null ? "" : k.version(), 120));
        table.getColumns().add(Localized.column("admin.kiosks.col.waiting",
                k -> NumberFormat.getIntegerInstance(Messages.locale()).format(k.pendingEvents()), 140));
        Button refresh = Localized.button("admin.common.refresh");
        refresh.setId("kiosks-refresh");
        refresh.setOnAction(e -> reload());
        status.textProperty().bind(I18n.text(statusText));
        setTop(EmployeesView.refreshBar(refresh, status));
        setCenter(table);
    }

    public void reload() {
        BackgroundTask.wrap(kiosks::list)
                .onSuccess(list -> {
                    loadedAt = Instant.now();
                    rows.setAll(list);
                    long online = list.stream().filter(k -> k.online(loadedAt)).count();
                    statusText.set(Text.of("admin.kiosks.count", list.size(), online));
                })
                .onFailure(e -> statusText.set(Text.of("admin.kiosks.error", e.getMessage())))
                .executeWith(executor);
    }

    public ObservableList<Kiosk> rows() {
        return rows;
    }
}
