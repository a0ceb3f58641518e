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
 * Test helper run in its own JVM: a kiosk whose server ({@code args[0]}) cannot be reached, fed an endless stream
 * of frames of employees E0..E4 through the real policy and recorder; prints each check-in after
 * {@link CheckInRecorder#record} returned it (journalled in {@code args[1]}), until the process is killed.
 */
public final class OfflineLoopMain {
    private OfflineLoopMain() {
    }

    public static void main(String[] args) {
        ZoneId zone = ZoneId.of("UTC");
        MutableClock clock = new MutableClock(Instant.parse("2026-01-05T06:00:00Z"));
        FaceKeys keys = FaceKeys.defaults();
        try (Database db = Database.openWhenReachable(args[0], Database.Credentials.NONE, keys);
             OfflineKiosk offline = new OfflineKiosk(db, OfflineStore.open(Path.of(args[1]), keys),
                     Duration.ofMillis(200))) {
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
                            System.out.println((ev.pending() ? "PENDING " : "LOGGED ") + ev.uuid() + " " + ev.code()
                                    + " " + ev.at() + " " + ev.direction());
                            System.out.flush();
                        });
                    }
                }
            }
        }
    }
}
