package io.facecheck.timesheet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A shift-day's punches paired into stretches of work (docs/timesheets.md, "Pairing").
 *
 * <p>After sorting by instant, a run of INs counts from its first (the person was there since then) and a run of
 * OUTs until its last (the person was still there until then); what is left alternates IN, OUT, IN, … An OUT before
 * the first IN (a missing check-in) and an IN after the last OUT (a missing checkout) pair with nothing: they add
 * no worked time and make the day incomplete.
 */
final class PunchPairs {
    private final List<Instant> ins = new ArrayList<>();
    private final List<Instant> outs = new ArrayList<>();
    private Instant firstIn;
    private Instant lastOut;
    private boolean unmatchedIn;
    private boolean unmatchedOut;

    private PunchPairs() {
    }

    static PunchPairs of(List<Punch> punches) {
        List<Punch> sorted = new ArrayList<>(punches);
        sorted.sort(Comparator.comparing(Punch::at));
        List<Punch> runs = new ArrayList<>(sorted.size());
        for (Punch p : sorted) {
            Punch previous = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (previous == null || previous.type() != p.type()) {
                runs.add(p);
            } else if (p.type() == PunchType.OUT) {
                runs.set(runs.size() - 1, p);
            }
        }
        PunchPairs pairs = new PunchPairs();
        for (Punch p : runs) {
            if (p.type() == PunchType.IN && pairs.firstIn == null) {
                pairs.firstIn = p.at();
            }
            if (p.type() == PunchType.OUT) {
                pairs.lastOut = p.at();
            }
        }
        int from = 0;
        int to = runs.size();
        if (to > 0 && runs.get(0).type() == PunchType.OUT) {
            pairs.unmatchedOut = true;
            from = 1;
        }
        if (to > from && runs.get(to - 1).type() == PunchType.IN) {
            pairs.unmatchedIn = true;
            to--;
        }
        for (int i = from; i < to; i += 2) {
            pairs.ins.add(runs.get(i).at());
            pairs.outs.add(runs.get(i + 1).at());
        }
        return pairs;
    }

    boolean isEmpty() {
        return firstIn == null && lastOut == null;
    }

    /** The first IN, or null. */
    Instant firstIn() {
        return firstIn;
    }

    /** The last OUT, or null. */
    Instant lastOut() {
        return lastOut;
    }

    /** Whether an IN has no OUT after it (a missing checkout). */
    boolean unmatchedIn() {
        return unmatchedIn;
    }

    /** Whether every punch pairs up. */
    boolean complete() {
        return !unmatchedIn && !unmatchedOut;
    }

    /**
     * The seconds worked: the paired stretches, less the unpaid break when the span from the first paired IN to the
     * last paired OUT exceeds the break. Time checked out between pairs already counts towards the break.
     */
    long workedSeconds(int breakMinutes) {
        if (ins.isEmpty()) {
            return 0;
        }
        long paired = 0;
        for (int i = 0; i < ins.size(); i++) {
            paired += Duration.between(ins.get(i), outs.get(i)).getSeconds();
        }
        long span = Duration.between(ins.get(0), outs.get(outs.size() - 1)).getSeconds();
        long breakSeconds = breakMinutes * 60L;
        if (span <= breakSeconds) {
            return paired;
        }
        long checkedOut = span - paired;
        return paired - Math.max(0, breakSeconds - checkedOut);
    }
}
