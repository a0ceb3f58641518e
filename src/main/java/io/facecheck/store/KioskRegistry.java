package io.facecheck.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The kiosks' heartbeats: each running kiosk rewrites its row; the admin side lists them. */
public final class KioskRegistry {
    /**
     * One kiosk as last heard of.
     *
     * @param pendingEvents check-ins it holds in its offline journal, not yet in this database
     */
    public record Kiosk(String id, Instant lastSeen, String version, int pendingEvents, Instant startedAt) {
        /** Whether it was heard of within {@link #ONLINE_WITHIN} before {@code now}. */
        public boolean online(Instant now) {
            return !lastSeen.isBefore(now.minus(ONLINE_WITHIN));
        }
    }

    /** How often a running kiosk writes its heartbeat. */
    public static final java.time.Duration HEARTBEAT_INTERVAL = java.time.Duration.ofSeconds(15);
    /** A kiosk heard of within this time counts as online (a few missed beats are tolerated). */
    public static final java.time.Duration ONLINE_WITHIN = HEARTBEAT_INTERVAL.multipliedBy(4);

    private final Database db;
    private final Clock clock;

    public KioskRegistry(Database db) {
        this(db, Clock.systemUTC());
    }

    public KioskRegistry(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Records that kiosk {@code id} is alive now. Portable upsert (PostgreSQL 14 has no MERGE): update, and
     * insert when there was no row.
     */
    public void beat(String id, String version, int pendingEvents, Instant startedAt) {
        if (id == null || id.isBlank()) {
            throw new StoreException(StoreException.Kind.INVALID, "kiosk id must not be empty");
        }
        Instant now = clock.instant();
        db.run(conn -> {
            int n;
            try (PreparedStatement ps = conn.prepareStatement("UPDATE kiosk SET last_seen = ?, version = ?, "
                    + "pending_events = ?, started_at = ? WHERE id = ?")) {
                Rows.setInstant(ps, 1, now);
                ps.setString(2, version);
                ps.setInt(3, pendingEvents);
                Rows.setInstant(ps, 4, startedAt);
                ps.setString(5, id);
                n = ps.executeUpdate();
            }
            if (n == 0) {
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO kiosk (id, last_seen, version, "
                        + "pending_events, started_at) VALUES (?, ?, ?, ?, ?)")) {
                    ps.setString(1, id);
                    Rows.setInstant(ps, 2, now);
                    ps.setString(3, version);
                    ps.setInt(4, pendingEvents);
                    Rows.setInstant(ps, 5, startedAt);
                    ps.executeUpdate();
                }
            }
        });
    }

    /** Every kiosk ever heard of, by id. */
    public List<Kiosk> list() {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT id, last_seen, version, pending_events, "
                    + "started_at FROM kiosk ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                List<Kiosk> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Kiosk(rs.getString("id"), Rows.instant(rs, "last_seen"), rs.getString("version"),
                            rs.getInt("pending_events"), Rows.instant(rs, "started_at")));
                }
                return out;
            }
        });
    }
}
