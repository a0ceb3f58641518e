package io.facecheck.ui.admin;

import io.facecheck.app.WebhookService;
import io.facecheck.config.Messages;
import io.facecheck.store.Webhook;
import io.facecheck.ui.BackgroundTask;
import io.facecheck.ui.I18n;
import io.facecheck.ui.I18n.Text;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The webhooks (docs/webhooks.md) and how their deliveries stand: events waiting, failing, delivered, the last
 * error and the next try, so that an administrator sees that payroll stopped receiving check-ins. Webhooks are added
 * and removed on the command line (their secret comes from a file); here the failing ones can be retried now, after
 * the receiver's outage is fixed.
 */
public final class WebhooksView extends BorderPane {

    private final ObservableList<Webhook> rows = FXCollections.observableArrayList();
    private final WebhookService service;
    private final Executor executor;
    private final Label status = new Label();
    private final ObjectProperty<Text> statusText = new SimpleObjectProperty<>(Text.NONE);

    public WebhooksView(WebhookService service, ZoneId zone, Executor executor) {
        this.service = service;
        this.executor = executor;
        getStyleClass().add("page");
        setId("webhooks");
        TableView<Webhook> table = new TableView<>(rows);
        table.setId("webhooks-table");
        Label empty = Localized.label("webhooks.ui.empty");
        empty.setWrapText(true);
        table.setPlaceholder(empty);
        table.getColumns().add(Localized.column("webhooks.ui.col.id", w -> Long.toString(w.id()), 50));
        table.getColumns().add(Localized.column("webhooks.ui.col.url", Webhook::url, 240));
        table.getColumns().add(Localized.column("webhooks.ui.col.events", w -> String.join(", ", w.events()), 160));
        table.getColumns().add(Localized.column("webhooks.ui.col.waiting", w -> count(w.pending()), 80));
        table.getColumns().add(Localized.column("webhooks.ui.col.failing", w -> count(w.failing()), 80));
        table.getColumns().add(Localized.column("webhooks.ui.col.delivered", w -> count(w.delivered()), 110));
        table.getColumns().add(Localized.column("webhooks.ui.col.attempts",
                w -> w.failing() > 0 ? count(w.attempts()) : "", 80));
        table.getColumns().add(Localized.column("webhooks.ui.col.last-error",
                w -> w.lastError() == null ? "" : w.lastError(), 220));
        table.getColumns().add(Localized.column("webhooks.ui.col.next",
                w -> w.nextAttemptAt() == null ? "" : Localized.dateTime(w.nextAttemptAt().atZone(zone)), 160));
        Button refresh = Localized.button("admin.common.refresh");
        refresh.setId("webhooks-refresh");
        refresh.setOnAction(e -> reload());
        Button retry = Localized.button("webhooks.ui.retry");
        retry.setId("webhooks-retry");
        retry.setOnAction(e -> retryFailing());
        status.textProperty().bind(I18n.text(statusText));
        status.getStyleClass().add("hint-text");
        HBox bar = new HBox(10, refresh, retry, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 10, 0));
        setTop(bar);
        setCenter(table);
    }

    private static String count(int n) {
        return NumberFormat.getIntegerInstance(Messages.locale()).format(n);
    }

    public void reload() {
        BackgroundTask.wrap(service::list)
                .onSuccess(this::show)
                .onFailure(e -> statusText.set(Text.of("webhooks.ui.error", e.getMessage())))
                .executeWith(executor);
    }

    private void show(List<Webhook> list) {
        rows.setAll(list);
        statusText.set(Text.of("webhooks.ui.status", list.size(), list.stream().mapToInt(Webhook::pending).sum(),
                list.stream().mapToInt(Webhook::failing).sum()));
    }

    /** Makes the failing events due now; the running app's dispatcher sends them within its next pass. */
    private void retryFailing() {
        record Retried(int count, List<Webhook> list) {
        }
        BackgroundTask.wrap(() -> {
                    int n = service.retryNow(null);
                    return new Retried(n, service.list());
                })
                .onSuccess(r -> {
                    rows.setAll(r.list());
                    statusText.set(Text.of("webhooks.ui.retried", r.count()));
                })
                .onFailure(e -> statusText.set(Text.of("webhooks.ui.error", e.getMessage())))
                .executeWith(executor);
    }

    public ObservableList<Webhook> rows() {
        return rows;
    }
}
