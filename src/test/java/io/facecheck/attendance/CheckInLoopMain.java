package io.facecheck.attendance;

import io.facecheck.config.DirectionMode;
import io.facecheck.store.CheckInEvent;
import io.facecheck.store.Database;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Test helper run in its own JVM: feeds the real policy and recorder an endless stream of frames of employees
 * E0..E4 and prints each event after {@link CheckInRecorder#record} returned it, until the process is killed.
 */
public final class CheckInLoopMain {
    private CheckInLoopMain() {
    }

    public static void main(String[] args) {
        ZoneId zone = ZoneId.of("UTC");
        MutableClock clock = new MutableClock(Instant.parse("2026-01-05T06:00:00Z"));
        try (Database db = Database.open(args[0])) {
            var rules = new CheckInRules(3, 5, Duration.ofSeconds(2), Duration.ofMinutes(5), DirectionMode.TOGGLE,
                    false, 0.2, zone);
            var recorder = new CheckInRecorder(db, "loop", zone, rules.debounce());
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
                                    + ev.direction());
                            System.out.flush();
                        });
                    }
                }
            }
        }
    }
}
