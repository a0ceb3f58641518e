package io.facecheck.ui;

import javafx.application.Application;

/**
 * Starts the desktop app. A separate class from {@link FaceCheckApp} so that the app runs from a plain
 * class path (the jar's {@code lib/} folder) without the JavaFX module-path check that refuses to launch an
 * {@code Application} subclass as the main class.
 */
public final class FaceCheckLauncher {
    private FaceCheckLauncher() {
    }

    public static void main(String[] args) {
        io.facecheck.config.LogFiles.installDefault();
        launch(LaunchOptions.DEFAULT);
    }

    /**
     * Opens the app and blocks until its window closes. JavaFX (GTK 3) is started before any camera code
     * so that no library can load GTK 2 first.
     *
     * @throws UnsupportedOperationException when there is no display to open a window on
     */
    public static void launch(LaunchOptions options) {
        Application.launch(FaceCheckApp.class, options.toArgs().toArray(String[]::new));
    }
}
