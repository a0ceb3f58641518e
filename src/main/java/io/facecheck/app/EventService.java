package io.facecheck.app;

import io.facecheck.store.CheckInEvent;
import io.facecheck.store.Database;
import io.facecheck.store.EventRepository;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Check-in events read page by page, in a stable order (time, then id). The cursor is opaque to the caller: it
 * names the last event of the previous page, so the next page starts right after it however many events were
 * added meanwhile, and asking again with the same cursor gives the same page.
 */
public final class EventService {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    /** Bounds of the period when the caller gives none (both databases store these). */
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-01-01T00:00:00Z");

    /**
     * What to read: {@code from <= at < to} (null: unbounded), of one employee code and one kiosk when given.
     */
    public record Query(Instant from, Instant to, String code, String kiosk) {
    }

    /** One page; {@code nextCursor} is null on the last page. */
    public record Page(List<CheckInEvent> events, String nextCursor) {
    }

    private final EventRepository events;

    public EventService(Database db) {
        this.events = new EventRepository(db);
    }

    /** The page after {@code cursor} (null: the first page); a cursor not made here is {@link InvalidInput}. */
    public Page page(Query q, String cursor, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInput.of("app.api.limit", MAX_LIMIT, limit);
        }
        Instant from = q.from() == null ? EARLIEST : q.from();
        Instant to = q.to() == null ? LATEST : q.to();
        if (!to.isAfter(from)) {
            throw InvalidInput.of("app.api.period", to, from);
        }
        Instant afterAt = null;
        long afterId = 0;
        if (cursor != null) {
            long[] c = decode(cursor);
            afterAt = Instant.ofEpochSecond(c[0], c[1]);
            afterId = c[2];
        }
        // one more than asked tells whether there is a next page without a second query
        List<CheckInEvent> found = events.page(from, to, q.code(), q.kiosk(), afterAt, afterId, limit + 1);
        if (found.size() <= limit) {
            return new Page(found, null);
        }
        List<CheckInEvent> page = found.subList(0, limit);
        return new Page(List.copyOf(page), encode(page.get(limit - 1)));
    }

    static String encode(CheckInEvent last) {
        String raw = "1:" + last.at().getEpochSecond() + ":" + last.at().getNano() + ":" + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    private static long[] decode(String cursor) {
        try {
            String[] p = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split(":");
            if (p.length != 4 || !p[0].equals("1")) {
                throw new IllegalArgumentException("not a cursor");
            }
            long[] c = {Long.parseLong(p[1]), Long.parseLong(p[2]), Long.parseLong(p[3])};
            Instant.ofEpochSecond(c[0], c[1]); // in range
            return c;
        } catch (RuntimeException e) {
            throw InvalidInput.of("app.api.cursor");
        }
    }
}
