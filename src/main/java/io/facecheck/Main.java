package io.facecheck;

import io.facecheck.cli.FaceCheckCommand;
import io.facecheck.cli.Utf8CommandLine;
import io.facecheck.models.TfLogging;

/**
 * Entry point: {@code java -jar facecheck.jar} with no arguments opens the desktop app; with arguments it
 * is the {@code facecheck} command line.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] jvmArgs) {
        // first, before anything prints or logs: names survive an ASCII locale (LANG=C)
        Utf8CommandLine.useUtf8Output();
        String[] args = Utf8CommandLine.arguments(jvmArgs);
        // besides stderr, logs go to a rotating file in the data folder
        io.facecheck.config.LogFiles.installDefault();
        // TensorFlow's own lines only with --verbose or FACECHECK_LOG=DEBUG
        TfLogging.forLogLevel(System.getenv("FACECHECK_LOG"));
        if (args.length == 0) {
            System.exit(FaceCheckCommand.execute("kiosk"));
        }
        System.exit(FaceCheckCommand.execute(args));
    }
}
