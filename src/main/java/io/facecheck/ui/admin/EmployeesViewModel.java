package io.facecheck.ui.admin;

import io.facecheck.ui.AppServices;
import io.facecheck.ui.BackgroundTask;
import io.facecheck.config.Messages;
import io.facecheck.store.EmployeeOrder;
import io.facecheck.ui.I18n;
import io.facecheck.ui.I18n.Text;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Locale;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The employees table: search, active/inactive filter, edit, deactivate, erase face data (keeps the records) and
 * delete (erases everything).
 */
public final class EmployeesViewModel {
    public enum Filter {
        ACTIVE, INACTIVE, ALL;

        /** The filter's name in the current language. */
        public String label() {
            return Messages.get("admin.employees.filter." + name().toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return label();
        }
    }

    private final AppServices services;
    private final String actor;
    private final Executor executor;
    private final ObservableList<EmployeeItem> all = FXCollections.observableArrayList();
    private final FilteredList<EmployeeItem> shown = new FilteredList<>(all);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<Filter> filter = new SimpleObjectProperty<>(Filter.ACTIVE);
    private final ObjectProperty<Text> status = new SimpleObjectProperty<>(Text.NONE);
    private final StringBinding statusText = I18n.text(status);
    /** Re-sorts the list and re-applies the search after a language switch (held here, observed weakly). */
    private final InvalidationListener languageSwitch = o -> {
        all.sort(order());
        refilter();
    };
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public EmployeesViewModel(AppServices services, String actor, Executor executor) {
        this.services = services;
        this.actor = actor;
        this.executor = executor;
        search.addListener((o, a, b) -> refilter());
        filter.addListener((o, a, b) -> refilter());
        I18n.locale().addListener(new WeakInvalidationListener(languageSwitch));
        refilter();
    }

    /** The list's order in the current language: by reading, else name, in its collation ({@link EmployeeOrder}). */
    private static Comparator<EmployeeItem> order() {
        return Comparator.comparing(EmployeeItem::employee, EmployeeOrder.comparator(Messages.locale()));
    }

    private void refilter() {
        String q = search.get();
        Filter f = filter.get();
        shown.setPredicate(e -> e.matches(q) && switch (f) {
            case ACTIVE -> e.active();
            case INACTIVE -> !e.active();
            case ALL -> true;
        });
    }

    public void reload() {
        BackgroundTask.wrap(() -> {
                    // face samples of the active model (templates of another model do not recognise anyone)
                    var engine = services.loadedEngine();
                    List<EmployeeItem> items = new ArrayList<>();
                    for (var listed : services.employees().listWithTemplates(
                            engine == null ? null : engine.engine().embedder().modelId())) {
                        items.add(new EmployeeItem(listed.employee(), listed.templates()));
                    }
                    items.sort(order());
                    return items;
                })
                .onRunning(() -> busy.set(true))
                .onSuccess(items -> {
                    all.setAll(items);
                    status.set(Text.of("admin.employees.count", items.size()));
                })
                .onFailure(e -> status.set(Text.of("admin.employees.error.load", e.getMessage())))
                .onFinished(() -> busy.set(false))
                .executeWith(executor);
    }

    public void update(EmployeeItem item, String name, String department, boolean active) {
        update(item, name, department, active, item.employee().greetingName(), item.employee().reading());
    }

    /** As {@link #update(EmployeeItem, String, String, boolean)}, also setting the greeting name and the reading. */
    public void update(EmployeeItem item, String name, String department, boolean active, String greetingName,
                       String reading) {
        BackgroundTask.wrap(() -> {
                    var engine = services.loadedEngine();
                    return services.employees().update(item.code(), name, department, active, greetingName, reading,
                            actor, engine == null ? null : engine.gallery());
                })
                .onSuccess(e -> {
                    status.set(Text.of("admin.employees.saved", e.code()));
                    reload();
                })
                .onFailure(e -> status.set(Text.of("admin.employees.error.save", item.code(), e.getMessage())))
                .executeWith(executor);
    }

    public void setActive(EmployeeItem item, boolean active) {
        update(item, item.name(), item.department(), active);
    }

    /** Erases the employee's templates and enrollment crops, keeping them and their records (leavers); audited. */
    public void eraseFaceData(EmployeeItem item) {
        BackgroundTask.wrap(() -> services.engine().enrollment().eraseFaceData(item.code(), actor))
                .onSuccess(n -> {
                    status.set(n < 0 ? Text.of("admin.employees.gone", item.code())
                            : Text.of("admin.employees.erased", item.code(), n));
                    reload();
                })
                .onFailure(e -> status.set(Text.of("admin.employees.error.erase", item.code(), e.getMessage())))
                .executeWith(executor);
    }

    /** Sets the employee's kiosk PIN (the digits wiped once hashed); audited. */
    public void setPin(EmployeeItem item, char[] pin) {
        BackgroundTask.wrap(() -> {
                    try {
                        services.pins().set(item.code(), pin, actor);
                    } finally {
                        java.util.Arrays.fill(pin, '\0');
                    }
                })
                .onSuccess(x -> status.set(Text.of("pin.admin.set-done", item.code())))
                .onFailure(e -> status.set(Text.of("pin.admin.error", item.code(), e.getLocalizedMessage())))
                .executeWith(executor);
    }

    /**
     * Issues a one-time PIN, shown once in the status line for the administrator to hand over; the employee
     * replaces it at its first use at the kiosk. Audited (without the PIN).
     */
    public void issuePin(EmployeeItem item) {
        BackgroundTask.wrap(() -> services.pins().issue(item.code(), actor))
                .onSuccess(pin -> status.set(Text.of("pin.admin.issued", item.code(), pin)))
                .onFailure(e -> status.set(Text.of("pin.admin.error", item.code(), e.getLocalizedMessage())))
                .executeWith(executor);
    }

    /** Deletes the employee with their templates, enrollment crops and events (right to erasure); audited. */
    public void delete(EmployeeItem item) {
        BackgroundTask.wrap(() -> {
                    // erases templates, crops and events, audits, and drops them from the live gallery
                    return services.engine().enrollment().delete(item.code(), actor);
                })
                .onSuccess(gone -> {
                    status.set(gone ? Text.of("admin.employees.deleted", item.code()) : Text.of("admin.employees.gone", item.code()));
                    reload();
                })
                .onFailure(e -> status.set(Text.of("admin.employees.error.delete", item.code(), e.getMessage())))
                .executeWith(executor);
    }

    public ObservableList<EmployeeItem> shown() {
        return shown;
    }

    public ObservableList<EmployeeItem> all() {
        return all;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<Filter> filterProperty() {
        return filter;
    }

    /** What the list last did, in the current language. */
    public StringBinding statusProperty() {
        return statusText;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
