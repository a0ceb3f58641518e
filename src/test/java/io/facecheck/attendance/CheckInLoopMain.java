package io.facecheck.attendance;

import io.facecheck.config.DirectionMode;
import io.facecheck.store.CheckInEvent;
import io.facecheck.store.Database;
import io.facecheck.store.FaceKeys;
import io.facecheck.store.OfflineStore;

import java.nio.file.Path;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Test helper run in its own JVM: feeds the real policy and recorder an endless stream of frames of employees
 * E0..E4 and prints each event ({@code EVENT id code at direction uuid pending|logged}) after
 * {@link CheckInRecorder#record} returned it, until the process is killed. Arguments: the database URL, and for
 * a kiosk in offline mode the base path of its offline store (the server at the URL then never answers).
 */
public final class CheckInLoopMain {
    private CheckInLoopMain() {
    }

    public static void main(String[] args) {
        ZoneId zone = ZoneId.of("UTC");
        MutableClock clock = new MutableClock(Instant.parse("2026-01-05T06:00:00Z"));
        FaceKeys keys = FaceKeys.defaults();
        boolean offlineMode = args.length > 1;
        try (Database db = offlineMode ? Database.openWhenReachable(args[0], Database.Credentials.NONE, keys)
                : Database.open(args[0]);
             OfflineKiosk offline = offlineMode ? new OfflineKiosk(db, OfflineStore.open(Path.of(args[1]), keys),
                     Duration.ofMillis(200)) : null) {
            var rules = new CheckInRules(3, 5, Duration.ofSeconds(2), Duration.ofMinutes(5), DirectionMode.TOGGLE,
                    false, 0.2, zone);
            var recorder = new CheckInRecorder(db, "loop", zone, rules.debounce(), false, offline);
            var policy = new CheckInPolicy(rules, clock, recorder);
            for (int i = 0; ; i++) {
                String code = "E" + (i % 5);
                clock.advance(Duration.ofMinutes(1));
                for (int f = 0; f < 3; f++) {
                    clock.advance(Duration.ofMillis(100));
                    Decision d = policy.observe(FrameObservation.known(code, 0.5, null));
                    if (d.isCheckIn()) {
                        Optional<CheckInEvent> e = recorder.record(d);
                        e.ifPresent(ev -> {
                            System.out.println("EVENT " + ev.id() + " " + ev.code() + " " + ev.at() + " "
                                    + ev.direction() + " " + ev.uuid() + " " + (ev.pending() ? "pending" : "logged"));
                            System.out.flush();
                        });
                    }
                }
            }
        }
    }
}
