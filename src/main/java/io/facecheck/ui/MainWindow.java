package io.facecheck.ui;

import io.facecheck.ui.kiosk.FrameAnalyzer;
import io.facecheck.ui.kiosk.KioskView;
import io.facecheck.ui.kiosk.KioskViewModel;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** Switches the window between the kiosk and the admin screens (which sit behind a login). */
public final class MainWindow implements AutoCloseable {
    private final Stage stage;
    private final LaunchOptions options;
    private final StackPane root = new StackPane();
    private KioskViewModel kiosk;

    public MainWindow(Stage stage, LaunchOptions options) {
        this.stage = stage;
        this.options = options;
        root.setId("main-root");
    }

    public StackPane root() {
        return root;
    }

    public void start() {
        showKiosk();
    }

    public void showKiosk() {
        if (kiosk == null) {
            kiosk = new KioskViewModel(() -> FrameAnalyzer.PREVIEW_ONLY);
            kiosk.useCamera(options.camera() == null ? "0" : options.camera());
        }
        root.getChildren().setAll(new KioskView(kiosk, this::showAdmin));
    }

    public void showAdmin() {
        // the admin screens come with the store; until then the kiosk stays
    }

    public KioskViewModel kiosk() {
        return kiosk;
    }

    @Override
    public void close() {
        if (kiosk != null) {
            kiosk.close();
        }
    }
}
