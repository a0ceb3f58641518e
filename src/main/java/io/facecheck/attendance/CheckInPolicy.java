package io.facecheck.attendance;

import io.facecheck.config.DirectionMode;
import io.facecheck.store.Direction;
import io.facecheck.timesheet.Attribution;
import io.facecheck.timesheet.Punch;
import io.facecheck.timesheet.PunchType;
import io.facecheck.timesheet.ShiftOccurrence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, frame by frame, when a person is checked in: the same identity accepted in K of the last N frames of
 * the same track within the window (each passing liveness when it is required), then not again within the
 * debounce time, with the direction from the kiosk mode; TOGGLE goes by the person's shift-day
 * ({@link Attribution#nextDirection}), so a night worker's 06:00 check-out is the OUT of the shift begun at 22:00. The K-of-N votes are kept per track ({@link TrackState},
 * one per face the tracker follows), so the frames of two people passing the kiosk are never pooled; the debounce
 * is per person, across tracks. Unknown faces are never turned into an employee's event; K of N unknown frames of
 * a track count one sighting in {@link #unknownFaces()}.
 * <p>
 * Pure logic: time comes from the {@link Clock}, the person's last event from a {@link LastEventLookup}.
 * Thread-safe (one kiosk feeds it from its inference thread).
 */
public final class CheckInPolicy {
    /** One frame's vote in its track's window. */
    record Vote(Instant at, String code, boolean counts, double distance) {
    }

    private final CheckInRules rules;
    private final Clock clock;
    private final LastEventLookup history;
    /** The votes of {@link #observe(FrameObservation)}, for callers that do not track faces. */
    private final TrackState untracked = new TrackState(0);
    private final Map<String, LastEvent> logged = new HashMap<>();
    private final UnknownFaceCounter unknown;

    public CheckInPolicy(CheckInRules rules, Clock clock, LastEventLookup history) {
        this.rules = rules;
        this.clock = clock;
        this.history = history;
        this.unknown = new UnknownFaceCounter(rules.window());
    }

    public CheckInRules rules() {
        return rules;
    }

    /** Sightings of unknown faces so far. */
    public UnknownFaceCounter unknownFaces() {
        return unknown;
    }

    /** Takes the result for the newest frame and says what to do; all frames count as one track. */
    public Decision observe(FrameObservation obs) {
        return observe(untracked, obs);
    }

    /** Takes the result for the newest frame of {@code track} and says what to do; only that track's frames vote. */
    public synchronized Decision observe(TrackState track, FrameObservation obs) {
        Instant now = clock.instant();
        boolean live = !rules.liveness() || obs.liveness() != null && obs.liveness() < rules.livenessThreshold();
        Deque<Vote> frames = track.votes;
        frames.addLast(new Vote(now, obs.code(), live, obs.distance()));
        prune(frames, now);

        if (obs.isUnknown()) {
            int unknownFrames = (int) frames.stream().filter(f -> f.code() == null).count();
            boolean sighting = unknownFrames >= rules.k() && unknown.seen(now);
            return new Decision(Decision.Kind.UNKNOWN, null, null, now, obs.distance(), obs.liveness(),
                    unknownFrames, null, sighting);
        }
        String code = obs.code();
        if (!live) {
            return new Decision(Decision.Kind.LIVENESS_FAILED, code, null, now, obs.distance(), obs.liveness(), 0,
                    null, false);
        }
        int agreeing = 0;
        double best = Double.MAX_VALUE;
        for (Vote f : frames) {
            if (code.equals(f.code()) && f.counts()) {
                agreeing++;
                best = Math.min(best, f.distance());
            }
        }
        if (agreeing < rules.k()) {
            return new Decision(Decision.Kind.PENDING, code, null, now, obs.distance(), obs.liveness(), agreeing,
                    null, false);
        }
        Optional<LastEvent> last = lastEvent(code);
        if (last.isPresent() && Duration.between(last.get().at(), now).compareTo(rules.debounce()) < 0) {
            return new Decision(Decision.Kind.DEBOUNCED, code, null, now, best, obs.liveness(), agreeing,
                    last.get().at(), false);
        }
        Direction direction = direction(code, last, now);
        logged.put(code, new LastEvent(now, direction));
        return new Decision(Decision.Kind.CHECK_IN, code, direction, now, best, obs.liveness(), agreeing, null, false);
    }

    /**
     * The check-in of a person whose identity was confirmed without a face (the kiosk's PIN fallback): no K-of-N
     * votes, but the same debounce and direction rules as a recognised face.
     *
     * @return {@link Decision.Kind#CHECK_IN} or {@link Decision.Kind#DEBOUNCED}
     */
    public synchronized Decision confirmed(String code) {
        Instant now = clock.instant();
        Optional<LastEvent> last = lastEvent(code);
        if (last.isPresent() && Duration.between(last.get().at(), now).compareTo(rules.debounce()) < 0) {
            return new Decision(Decision.Kind.DEBOUNCED, code, null, now, Double.NaN, null, 0, last.get().at(),
                    false);
        }
        Direction direction = direction(code, last, now);
        logged.put(code, new LastEvent(now, direction));
        return new Decision(Decision.Kind.CHECK_IN, code, direction, now, Double.NaN, null, 0, null, false);
    }

    /** Forgets a check-in the caller could not record, so the person is not debounced for it. */
    public synchronized void notRecorded(Decision d) {
        LastEvent mine = logged.get(d.code());
        if (mine != null && mine.at().equals(d.at())) {
            logged.remove(d.code());
        }
    }

    private Direction direction(String code, Optional<LastEvent> last, Instant now) {
        DirectionMode mode = rules.mode();
        if (mode == DirectionMode.IN) {
            return Direction.IN;
        }
        if (mode == DirectionMode.OUT) {
            return Direction.OUT;
        }
        // the latest event is the last punch of the shift-day's window when the window holds it, and a window
        // holding none of the later events holds no punch before now at all: the rule needs only the latest
        ShiftOccurrence shiftDay = history.shiftDayAt(code, now, rules.zone());
        List<Punch> punches = last.map(e -> List.of(new Punch(e.at(), e.direction() == Direction.IN ? PunchType.IN
                : PunchType.OUT))).orElse(List.of());
        return Attribution.nextDirection(shiftDay, punches) == PunchType.IN ? Direction.IN : Direction.OUT;
    }

    /** The later of what this policy logged itself and what the history says. */
    private Optional<LastEvent> lastEvent(String code) {
        LastEvent mine = logged.get(code);
        Optional<LastEvent> stored = history.last(code);
        if (mine == null) {
            return stored;
        }
        if (stored.isEmpty() || !stored.get().at().isAfter(mine.at())) {
            return Optional.of(mine);
        }
        return stored;
    }

    private void prune(Deque<Vote> frames, Instant now) {
        Instant oldest = now.minus(rules.window());
        for (Iterator<Vote> it = frames.iterator(); it.hasNext(); ) {
            if (it.next().at().isBefore(oldest)) {
                it.remove();
            }
        }
        while (frames.size() > rules.n()) {
            frames.removeFirst();
        }
    }
}
