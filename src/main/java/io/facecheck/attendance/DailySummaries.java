package io.facecheck.attendance;

import io.facecheck.store.CheckInEvent;
import io.facecheck.store.Direction;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns events into per-person, per-day summaries in a zone. Pure. */
public final class DailySummaries {
    private DailySummaries() {
    }

    private record Key(LocalDate date, String code) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = date.compareTo(o.date);
            return c != 0 ? c : code.compareTo(o.code);
        }
    }

    /**
     * Summaries ordered by date then code. Worked time pairs each IN with the next OUT (repeated INs keep the
     * earliest, an OUT without an open IN adds nothing); a day whose last IN has no OUT is flagged.
     */
    public static List<DaySummary> of(List<CheckInEvent> events, ZoneId zone, LocalTime workStart) {
        Map<Key, List<CheckInEvent>> days = new TreeMap<>();
        for (CheckInEvent e : events) {
            days.computeIfAbsent(new Key(e.at().atZone(zone).toLocalDate(), e.code()), k -> new ArrayList<>()).add(e);
        }
        List<DaySummary> out = new ArrayList<>();
        days.forEach((key, list) -> {
            list.sort(Comparator.comparing(CheckInEvent::at).thenComparingLong(CheckInEvent::id));
            LocalTime firstIn = null;
            LocalTime lastOut = null;
            Instant open = null;
            Duration worked = Duration.ZERO;
            for (CheckInEvent e : list) {
                LocalTime t = e.at().atZone(zone).toLocalTime();
                if (e.direction() == Direction.IN) {
                    if (firstIn == null) {
                        firstIn = t;
                    }
                    if (open == null) {
                        open = e.at();
                    }
                } else {
                    lastOut = t;
                    if (open != null) {
                        worked = worked.plus(Duration.between(open, e.at()));
                        open = null;
                    }
                }
            }
            CheckInEvent any = list.get(0);
            boolean late = firstIn != null && firstIn.isAfter(workStart);
            out.add(new DaySummary(key.code(), any.name(), any.department(), key.date(), firstIn, lastOut, worked,
                    late, open != null));
        });
        return out;
    }
}
