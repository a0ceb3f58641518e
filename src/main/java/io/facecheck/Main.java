package io.facecheck;

import io.facecheck.cli.FaceCheckCommand;

/**
 * Entry point: {@code java -jar facecheck.jar} with no arguments opens the desktop app; with arguments it
 * is the {@code facecheck} command line.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // besides stderr, logs go to a rotating file in the data folder
        io.facecheck.config.LogFiles.installDefault();
        if (args.length == 0) {
            System.exit(FaceCheckCommand.execute("kiosk"));
        }
        System.exit(FaceCheckCommand.execute(args));
    }
}
