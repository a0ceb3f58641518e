package io.facecheck.cli;

import io.facecheck.ui.AppServices;
import io.facecheck.ui.FaceCheckLauncher;
import io.facecheck.ui.LaunchOptions;

/** Opens the desktop app from a command, turning "no display" or "no GTK" into a clear message. */
final class AppLaunch {
    private AppLaunch() {
    }

    /**
     * Opens the settings and the database first (a database that cannot be opened exits 5 with its message, as in
     * every command; a kiosk's server that is merely unreachable is not such a case, see {@link AppServices#open}),
     * then the window on them.
     */
    static void open(LaunchOptions options) {
        AppServices services = AppServices.open(options);
        try {
            FaceCheckLauncher.launch(options, services);
        } catch (UnsupportedOperationException | IllegalStateException | UnsatisfiedLinkError e) {
            throw new CliException(ExitCodes.FAILURE, "cannot open the FaceCheck window: " + e.getMessage()
                    + " — " + hint(String.valueOf(e.getMessage())));
        }
    }

    static String hint(String message) {
        if (message.contains("GTK") || message.contains("gtk")) {
            return "JavaFX needs GTK 3 on Linux (Debian/Ubuntu: apt-get install libgtk-3-0)";
        }
        if (message.contains("DISPLAY")) {
            return "a graphical display is needed: run it in a desktop session (DISPLAY set), or use the CLI commands";
        }
        return "see the README section on running the app";
    }
}
