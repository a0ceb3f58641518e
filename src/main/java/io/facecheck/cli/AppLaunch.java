package io.facecheck.cli;

import io.facecheck.ui.FaceCheckLauncher;
import io.facecheck.ui.LaunchOptions;

/** Opens the desktop app from a command, turning "no display" into a clear message. */
final class AppLaunch {
    private AppLaunch() {
    }

    static void open(LaunchOptions options) {
        try {
            FaceCheckLauncher.launch(options);
        } catch (UnsupportedOperationException | IllegalStateException e) {
            throw new CliException(ExitCodes.FAILURE, "cannot open the FaceCheck window: " + e.getMessage()
                    + " (a graphical display is needed: set DISPLAY, or use the CLI commands)");
        }
    }
}
