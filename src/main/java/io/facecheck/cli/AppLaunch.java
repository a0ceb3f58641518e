package io.facecheck.cli;

import io.facecheck.ui.FaceCheckLauncher;
import io.facecheck.ui.LaunchOptions;

/** Opens the desktop app from a command, turning "no display" or "no GTK" into a clear message. */
final class AppLaunch {
    private AppLaunch() {
    }

    static void open(LaunchOptions options) {
        try {
            FaceCheckLauncher.launch(options);
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
