package io.facecheck.ui.admin;

import io.facecheck.config.Messages;
import io.facecheck.ui.I18n;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.Locale;

/** The admin screens as tabs, with the logged-in administrator and the way back to the kiosk. */
public final class AdminView extends BorderPane {
    private final TabPane tabs = new TabPane();
    private final AttendanceViewModel attendance;

    public AdminView(String admin, EmployeesView employees, AttendanceViewModel attendanceVm, SettingsView settings,
                     AuditView audit, Runnable backToKiosk, Runnable logout) {
        this.attendance = attendanceVm;
        AttendanceView attendanceView = new AttendanceView(attendanceVm);
        getStyleClass().add("admin");
        setId("admin");
        Label title = Localized.label("admin.title");
        Label who = Localized.label("admin.logged-in-as", admin);
        who.setId("admin-user");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ChoiceBox<Locale> language = new ChoiceBox<>();
        language.setId("admin-language");
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(I18n.text("admin.language"));
        language.setTooltip(tip);
        language.getItems().setAll(Messages.SUPPORTED);
        // each language named in itself, so that someone who cannot read the current one finds theirs
        Localized.choices(language, AdminView::languageName);
        language.setValue(Messages.locale());
        Localized.onSwitch(language, () -> language.setValue(Messages.locale()));
        language.valueProperty().addListener((o, a, l) -> {
            if (l != null && !l.equals(Messages.locale())) {
                settings.viewModel().setLanguage(l);
            }
        });
        Button kiosk = new Button();
        kiosk.textProperty().bind(I18n.text("admin.to-kiosk"));
        kiosk.setId("admin-to-kiosk");
        kiosk.setOnAction(e -> backToKiosk.run());
        Button out = new Button();
        out.textProperty().bind(I18n.text("admin.logout"));
        out.setId("admin-logout");
        out.setOnAction(e -> logout.run());
        HBox header = new HBox(12, title, spacer, who, language, kiosk, out);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("admin-header");
        setTop(header);

        tabs.setId("admin-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.SELECTED_TAB);
        tabs.getTabs().addAll(tab("admin.tab.employees", employees),
                tab("admin.tab.attendance", attendanceView), tab("admin.tab.settings", settings),
                tab("admin.tab.audit", audit));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t != null && t.getContent() == audit) {
                audit.reload();
            }
            if (t != null && t.getContent() == settings) {
                settings.refresh();
            }
        });
        setCenter(tabs);
    }

    /**
     * A language named in itself: the bundle's {@code lang.<tag>}, or, for a language FaceCheck has no such name for
     * (one set from outside {@link Messages#SUPPORTED}), the JDK's name for it, so the chooser still says what is on.
     */
    public static String languageName(Locale l) {
        String key = "lang." + l.toLanguageTag();
        return Messages.bundle(l).containsKey(key) ? Messages.format(l, key) : l.getDisplayName(l);
    }

    /** A fixed tab titled by {@code key}'s text; its id is {@code tab-} and the key's last part (tab-employees). */
    private static Tab tab(String key, javafx.scene.Node content) {
        Tab t = new Tab(null, content);
        t.textProperty().bind(I18n.text(key));
        t.setClosable(false);
        t.setId("tab-" + key.substring(key.lastIndexOf('.') + 1));
        return t;
    }

    /**
     * Adds a fixed page after the others, titled by the bundle's text of {@code key}; {@code onShow} runs each time
     * it is selected (e.g. a reload).
     */
    public void addPage(String key, javafx.scene.Node content, Runnable onShow) {
        tabs.getTabs().add(tab(key, content));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t != null && t.getContent() == content) {
                onShow.run();
            }
        });
    }

    /** Opens a closable extra tab titled by {@code key}'s text, e.g. the enrollment wizard. */
    public void openTab(String key, javafx.scene.Node content) {
        Tab t = new Tab(null, content);
        t.textProperty().bind(I18n.text(key));
        t.setClosable(true);
        tabs.getTabs().add(t);
        tabs.getSelectionModel().select(t);
    }

    /** Closes the extra tab showing {@code content} and goes back to the first tab. */
    public void closeTab(javafx.scene.Node content) {
        tabs.getTabs().removeIf(t -> t.getContent() == content);
        tabs.getSelectionModel().select(0);
    }

    /** Selects the tab with this title (as shown) or this id (tab-attendance: in any language). */
    public void select(String title) {
        tabs.getTabs().stream().filter(t -> title.equals(t.getText()) || title.equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    /** The attendance tab's view model (set by whoever builds the screens). */
    public AttendanceViewModel attendance() {
        return attendance;
    }

    public TabPane tabs() {
        return tabs;
    }
}
