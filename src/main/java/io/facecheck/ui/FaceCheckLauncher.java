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

    /**
     * As {@link #launch(LaunchOptions)} with the services opened already (by a command, so that a database that
     * cannot be opened is its exit code, not a window that only says so). The window closes them; when it cannot
     * open, they are closed here.
     */
    public static void launch(LaunchOptions options, AppServices services) {
        FaceCheckApp.preopened(services);
        boolean started = false;
        try {
            launch(options);
            started = true;
        } finally {
            if (!started) {
                FaceCheckApp.preopened(null);
                services.close();
            }
        }
    }
}
