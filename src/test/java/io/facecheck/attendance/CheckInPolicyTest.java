package io.facecheck.attendance;

import io.facecheck.config.DirectionMode;
import io.facecheck.store.Direction;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static io.facecheck.attendance.Decision.Kind.CHECK_IN;
import static io.facecheck.attendance.Decision.Kind.DEBOUNCED;
import static io.facecheck.attendance.Decision.Kind.LIVENESS_FAILED;
import static io.facecheck.attendance.Decision.Kind.PENDING;
import static io.facecheck.attendance.Decision.Kind.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

class CheckInPolicyTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Duration FRAME = Duration.ofMillis(100);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T07:55:00Z"));
    private final Map<String, LastEvent> stored = new HashMap<>();

    private CheckInPolicy policy(DirectionMode mode, boolean liveness) {
        var rules = new CheckInRules(3, 5, Duration.ofSeconds(2), Duration.ofMinutes(5), mode, liveness, 0.2, PARIS);
        return new CheckInPolicy(rules, clock, code -> Optional.ofNullable(stored.get(code)));
    }

    private Decision frame(CheckInPolicy p, FrameObservation o) {
        clock.advance(FRAME);
        return p.observe(o);
    }

    private static FrameObservation ada() {
        return FrameObservation.known("ADA", 0.4, null);
    }

    @Test
    void checksInOnlyOnceKOfTheLastNFramesAgree() {
        CheckInPolicy p = policy(DirectionMode.IN, false);
        assertThat(frame(p, ada()).kind()).isEqualTo(PENDING);
        assertThat(frame(p, FrameObservation.known("BOB", 0.5, null)).kind()).isEqualTo(PENDING);
        assertThat(frame(p, ada()).agreeing()).isEqualTo(2);
        assertThat(frame(p, FrameObservation.unknown(1.6, null)).kind()).isEqualTo(UNKNOWN);
        Decision d = frame(p, FrameObservation.known("ADA", 0.3, null));
        assertThat(d.kind()).isEqualTo(CHECK_IN);
        assertThat(d.code()).isEqualTo("ADA");
        assertThat(d.direction()).isEqualTo(Direction.IN);
        assertThat(d.distance()).isEqualTo(0.3);
        assertThat(d.at()).isEqualTo(clock.instant());
    }

    @Test
    void eachTrackVotesOnItsOwn() {
        CheckInPolicy p = policy(DirectionMode.IN, false);
        TrackState one = new TrackState(1), two = new TrackState(2);
        // two faces both taken for ADA (one of them a look-alike, or a photo) interleave their frames: neither
        // track has K of its own frames yet, so nobody is checked in on their pooled frames
        assertThat(observe(p, one, ada()).agreeing()).isEqualTo(1);
        assertThat(observe(p, two, ada()).agreeing()).isEqualTo(1);
        assertThat(observe(p, one, ada()).agreeing()).isEqualTo(2);
        assertThat(observe(p, two, ada()).kind()).isEqualTo(PENDING);
        assertThat(observe(p, two, FrameObservation.known("BOB", 0.5, null)).agreeing()).isEqualTo(1);
        Decision third = observe(p, one, ada());
        assertThat(third.kind()).isEqualTo(CHECK_IN);
        assertThat(third.agreeing()).isEqualTo(3);
        assertThat(one.votes).extracting(CheckInPolicy.Vote::code).containsOnly("ADA");
        assertThat(two.votes).extracting(CheckInPolicy.Vote::code).containsExactly("ADA", "ADA", "BOB");
    }

    @Test
    void debounceIsPerPersonAcrossTracks() {
        CheckInPolicy p = policy(DirectionMode.IN, false);
        TrackState one = new TrackState(1), two = new TrackState(2);
        for (int i = 0; i < 2; i++) {
            observe(p, one, ada());
        }
        assertThat(observe(p, one, ada()).kind()).isEqualTo(CHECK_IN);
        // the same person under a new track (they stepped out of view and back) is not logged twice
        for (int i = 0; i < 2; i++) {
            observe(p, two, ada());
        }
        assertThat(observe(p, two, ada()).kind()).isEqualTo(DEBOUNCED);
    }

    private Decision observe(CheckInPolicy p, TrackState track, FrameObservation o) {
        clock.advance(FRAME);
        return p.observe(track, o);
    }

    @Test
    void agreementOutsideTheLastNFramesDoesNotCount() {
        CheckInPolicy p = policy(DirectionMode.IN, false);
        frame(p, ada());
        frame(p, ada());
        for (int i = 0; i < 4; i++) {
            frame(p, FrameObservation.known("BOB", 0.5, null));
        }
        // BOB checked in at his third frame; ADA's two frames fell out of the last five
        assertThat(frame(p, ada()).kind()).isEqualTo(PENDING);
        assertThat(frame(p, ada()).agreeing()).isEqualTo(2);
    }

    @Test
    void framesOlderThanTheWindowDoNotCount() {
        CheckInPolicy p = policy(DirectionMode.IN, false);
        frame(p, ada());
        frame(p, ada());
        clock.advance(Duration.ofSeconds(3));
        assertThat(frame(p, ada()).kind()).isEqualTo(PENDING);
    }

    @Test
    void debounceStopsASecondEventWithinFiveMinutes() {
        CheckInPolicy p = policy(DirectionMode.TOGGLE, false);
        Decision first = null;
        for (int i = 0; i < 3; i++) {
            first = frame(p, ada());
        }
        assertThat(first.kind()).isEqualTo(CHECK_IN);
        Decision again = null;
        for (int i = 0; i < 3; i++) {
            again = frame(p, ada());
        }
        assertThat(again.kind()).isEqualTo(DEBOUNCED);
        assertThat(again.lastEvent()).isEqualTo(first.at());

        clock.set(first.at().plus(Duration.ofMinutes(5)).minusSeconds(1).minus(FRAME));
        assertThat(frame(p, ada()).kind()).isEqualTo(PENDING);
        assertThat(frame(p, ada()).kind()).isEqualTo(PENDING);
        assertThat(frame(p, ada()).kind()).isEqualTo(DEBOUNCED);
        clock.set(first.at().plus(Duration.ofMinutes(5)).minus(FRAME));
        again = frame(p, ada());
        assertThat(again.kind()).isEqualTo(CHECK_IN);
        assertThat(again.direction()).isEqualTo(Direction.OUT);
    }

    @Test
    void debounceAlsoCountsEventsStoredByAnotherKiosk() {
        stored.put("ADA", new LastEvent(clock.instant().minusSeconds(60), Direction.IN));
        CheckInPolicy p = policy(DirectionMode.TOGGLE, false);
        frame(p, ada());
        frame(p, ada());
        assertThat(frame(p, ada()).kind()).isEqualTo(DEBOUNCED);
    }

    @Test
    void toggleGoesOppositeToTheLastEventOfTheSameLocalDay() {
        CheckInPolicy p = policy(DirectionMode.TOGGLE, false);
        // 07:55Z is 08:55 in Paris; an IN at 23:30 Paris the day before is another day
        stored.put("ADA", new LastEvent(Instant.parse("2026-03-01T22:30:00Z"), Direction.IN));
        stored.put("BOB", new LastEvent(Instant.parse("2026-03-01T23:30:00Z"), Direction.IN));
        assertThat(checkIn(p, "ADA").direction()).isEqualTo(Direction.IN);
        assertThat(checkIn(p, "BOB").direction()).isEqualTo(Direction.OUT);
        assertThat(checkIn(p, "CY").direction()).isEqualTo(Direction.IN);
    }

    @Test
    void fixedModesIgnoreHistory() {
        stored.put("ADA", new LastEvent(Instant.parse("2026-03-02T06:00:00Z"), Direction.OUT));
        assertThat(checkIn(policy(DirectionMode.IN, false), "ADA").direction()).isEqualTo(Direction.IN);
        stored.put("ADA", new LastEvent(Instant.parse("2026-03-02T06:00:00Z"), Direction.IN));
        assertThat(checkIn(policy(DirectionMode.OUT, false), "ADA").direction()).isEqualTo(Direction.OUT);
    }

    @Test
    void failedOrMissingLivenessNeverChecksIn() {
        CheckInPolicy p = policy(DirectionMode.IN, true);
        for (int i = 0; i < 10; i++) {
            Decision d = frame(p, FrameObservation.known("ADA", 0.3, i % 2 == 0 ? 0.9 : null));
            assertThat(d.kind()).isEqualTo(LIVENESS_FAILED);
        }
        // live frames count; the spoofed ones in between do not
        assertThat(frame(p, FrameObservation.known("ADA", 0.3, 0.05)).kind()).isEqualTo(PENDING);
        assertThat(frame(p, FrameObservation.known("ADA", 0.3, 0.9)).kind()).isEqualTo(LIVENESS_FAILED);
        assertThat(frame(p, FrameObservation.known("ADA", 0.3, 0.1)).agreeing()).isEqualTo(2);
        assertThat(frame(p, FrameObservation.known("ADA", 0.3, 0.19)).kind()).isEqualTo(CHECK_IN);
    }

    @Test
    void livenessScoresAreIgnoredWhenLivenessIsOff() {
        CheckInPolicy p = policy(DirectionMode.IN, false);
        frame(p, FrameObservation.known("ADA", 0.3, 0.9));
        frame(p, FrameObservation.known("ADA", 0.3, null));
        assertThat(frame(p, FrameObservation.known("ADA", 0.3, 0.99)).kind()).isEqualTo(CHECK_IN);
    }

    @Test
    void unknownFacesAreCountedOncePerSightingAndNeverLogged() {
        CheckInPolicy p = policy(DirectionMode.IN, false);
        for (int i = 0; i < 20; i++) {
            assertThat(frame(p, FrameObservation.unknown(1.5, null)).kind()).isEqualTo(UNKNOWN);
        }
        assertThat(p.unknownFaces().count()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(10));
        for (int i = 0; i < 2; i++) {
            frame(p, FrameObservation.unknown(1.5, null));
        }
        assertThat(p.unknownFaces().count()).isEqualTo(1);
        frame(p, FrameObservation.unknown(1.5, null));
        assertThat(p.unknownFaces().count()).isEqualTo(2);
    }

    @Test
    void aCheckInTheCallerCouldNotRecordIsForgotten() {
        CheckInPolicy p = policy(DirectionMode.IN, false);
        Decision d = checkIn(p, "ADA");
        assertThat(frame(p, ada()).kind()).isEqualTo(DEBOUNCED);
        p.notRecorded(d);
        assertThat(frame(p, ada()).kind()).isEqualTo(CHECK_IN);
    }

    private Decision checkIn(CheckInPolicy p, String code) {
        Decision d = null;
        for (int i = 0; i < 3; i++) {
            d = frame(p, FrameObservation.known(code, 0.4, 0.0));
        }
        assertThat(d.kind()).isEqualTo(CHECK_IN);
        return d;
    }
}
