package io.facecheck.ui;

import javafx.scene.Scene;
import org.testfx.api.FxToolkit;

/** Test helper: the application's main window shown as the app shows it (1280×720, its stylesheet), started. */
final class Windows {
    private Windows() {
    }

    /** Puts {@code window} on the TestFX stage and starts it (settings, database, camera in the background). */
    static void show(MainWindow window) throws java.util.concurrent.TimeoutException {
        FxToolkit.setupStage(st -> {
            Scene scene = new Scene(window.root(), 1280, 720);
            scene.getStylesheets().add(FaceCheckApp.STYLESHEET);
            st.setScene(scene);
            st.show();
            window.start();
        });
    }
}
