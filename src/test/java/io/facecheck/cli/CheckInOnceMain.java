package io.facecheck.cli;

import io.facecheck.app.Backend;
import io.facecheck.app.OpenMode;
import io.facecheck.attendance.CheckInRecorder;
import io.facecheck.attendance.Decision;
import io.facecheck.store.CheckInEvent;
import io.facecheck.store.Direction;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Test helper run in its own JVM: a {@code checkin} without the networks. It opens the database exactly as the
 * {@code checkin} command does ({@link StoreOptions#openWhenReachable} on an existing database, with {@code --db} and {@code --key-file}),
 * then records one check-in through the real {@link CheckInRecorder}, and prints {@code EVENT uuid}. To make two
 * of them open at the same moment it prints {@code READY} once the JVM, the settings and the H2 driver are loaded,
 * and waits until the barrier file exists; once its database is open it creates the marker file, if one is given
 * (another process's barrier, to start it while this one holds the file), and after the check-in it keeps the
 * database open for the given time (as a window that is closed while another program works through it).
 * Arguments: URL, key file, barrier file, employee code, instant[, marker file, hold in ms].
 * Exit: 0 logged, the command's exit code (5 for the database) when the open fails (after printing
 * {@code FAILED exit message}), 1 when nothing was logged.
 */
public final class CheckInOnceMain {
    private CheckInOnceMain() {
    }

    public static void main(String[] args) throws Exception {
        StoreOptions store = new StoreOptions();
        store.db = args[0];
        store.keyFile = Path.of(args[1]);
        Path barrier = Path.of(args[2]);
        String code = args[3];
        Instant at = Instant.parse(args[4]);
        Path opened = args.length > 5 ? Path.of(args[5]) : null;
        long holdMs = args.length > 6 ? Long.parseLong(args[6]) : 0;
        store.settings();
        Class.forName("org.h2.Driver");
        System.out.println("READY");
        System.out.flush();
        while (!Files.exists(barrier)) {
            Thread.sleep(1);
        }
        int exit;
        try (Backend backend = store.openWhenReachable(OpenMode.EXISTING)) {
            if (opened != null) {
                Files.createFile(opened);
            }
            var recorder = new CheckInRecorder(backend.database(), "race", ZoneId.of("UTC"), Duration.ofSeconds(2));
            Optional<CheckInEvent> e = recorder.record(new Decision(Decision.Kind.CHECK_IN, code, Direction.IN, at,
                    0.3, null, 3, null, false));
            e.ifPresent(ev -> System.out.println("EVENT " + ev.uuid()));
            exit = e.isPresent() ? ExitCodes.OK : ExitCodes.FAILURE;
            Thread.sleep(holdMs);
        } catch (CliException e) {
            // on stdout too, so that the test can say what failed
            System.out.println("FAILED " + e.exitCode() + " " + e.getMessage());
            exit = e.exitCode();
        }
        System.out.flush();
        System.exit(exit);
    }
}
