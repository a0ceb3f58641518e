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
        // SLF4J's own notes stay off stderr: ical4j registers a java.time ZoneRulesProvider whose loading logs while
        // logback is still starting (its %d pattern needs the time zone), and SLF4J then reports that it "replayed"
        // that call, on every command. Its errors still show.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
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
