package io.facecheck.cli;

import io.facecheck.config.LocalizedMessage;
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
            throw CliException.of(ExitCodes.FAILURE, "cli.app.cannotOpen", String.valueOf(e.getMessage()),
                    LocalizedMessage.of(hint(String.valueOf(e.getMessage()))));
        }
    }

    /** The key of what to do about {@code message}. */
    static String hint(String message) {
        if (message.contains("GTK") || message.contains("gtk")) {
            return "cli.app.hint.gtk";
        }
        if (message.contains("DISPLAY")) {
            return "cli.app.hint.display";
        }
        return "cli.app.hint.readme";
    }
}
