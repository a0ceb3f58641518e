package io.facecheck.ui.admin;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

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
        Label title = new Label("FaceCheck administration");
        Label who = new Label("Logged in as " + admin);
        who.setId("admin-user");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button kiosk = new Button("Back to kiosk");
        kiosk.setId("admin-to-kiosk");
        kiosk.setOnAction(e -> backToKiosk.run());
        Button out = new Button("Log out");
        out.setId("admin-logout");
        out.setOnAction(e -> logout.run());
        HBox header = new HBox(12, title, spacer, who, kiosk, out);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("admin-header");
        setTop(header);

        tabs.setId("admin-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.SELECTED_TAB);
        tabs.getTabs().addAll(tab("Employees", employees), tab("Attendance", attendanceView),
                tab("Settings", settings), tab("Audit log", audit));
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

    private static Tab tab(String name, javafx.scene.Node content) {
        Tab t = new Tab(name, content);
        t.setClosable(false);
        t.setId("tab-" + name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        return t;
    }

    /** Adds a fixed page after the others; {@code onShow} runs each time it is selected (e.g. a reload). */
    public void addPage(String name, javafx.scene.Node content, Runnable onShow) {
        tabs.getTabs().add(tab(name, content));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t != null && t.getContent() == content) {
                onShow.run();
            }
        });
    }

    /** Opens (or re-selects) a closable extra tab, e.g. the enrollment wizard. */
    public void openTab(String title, javafx.scene.Node content) {
        Tab t = new Tab(title, content);
        t.setClosable(true);
        tabs.getTabs().add(t);
        tabs.getSelectionModel().select(t);
    }

    /** Closes the extra tab showing {@code content} and goes back to the first tab. */
    public void closeTab(javafx.scene.Node content) {
        tabs.getTabs().removeIf(t -> t.getContent() == content);
        tabs.getSelectionModel().select(0);
    }

    /** Selects the tab with this title (as shown). */
    public void select(String title) {
        tabs.getTabs().stream().filter(t -> t.getText().equals(title)).findFirst()
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
