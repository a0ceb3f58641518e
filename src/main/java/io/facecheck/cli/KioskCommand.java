package io.facecheck.cli;

import io.facecheck.camera.FrameSources;
import io.facecheck.config.LivenessMode;
import io.facecheck.ui.LaunchOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code facecheck kiosk [--camera SPEC] [--fullscreen] [--kiosk-id ID] [--db URL] [--key-file FILE]}: opens the
 * kiosk screen.
 */
@Command(name = "kiosk", mixinStandardHelpOptions = true)
final class KioskCommand implements WindowCommand {
    @Option(names = "--camera", paramLabel = "SPEC",
            descriptionKey = "help.kiosk.camera")
    String camera;

    @Option(names = "--fullscreen", descriptionKey = "help.kiosk.fullscreen")
    boolean fullscreen;

    @Option(names = "--kiosk-id", paramLabel = "ID", descriptionKey = "help.kiosk.kiosk-id")
    String kioskId;

    @Mixin
    StoreOptions store;

    @Option(names = "--liveness", paramLabel = "MODE",
            descriptionKey = "help.kiosk.liveness")
    String liveness;

    @Override
    public LaunchOptions launchOptions() {
        if (camera != null) {
            try {
                FrameSources.parse(camera);
            } catch (IllegalArgumentException e) {
                throw CliException.of(ExitCodes.FAILURE, e);
            }
        }
        if (liveness != null && LivenessMode.parse(liveness) == null) {
            throw CliException.of(ExitCodes.FAILURE, "cli.checkin.badLiveness", liveness);
        }
        return new LaunchOptions(LaunchOptions.Screen.KIOSK, camera, fullscreen, kioskId, store.databaseUrl(), liveness,
                store.keyFilePath());
    }
}
