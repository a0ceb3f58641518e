package io.facecheck.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The transactional outbox of the webhooks: a repository write that other systems want to hear of calls
 * {@link #emit} inside its own transaction, so the event and the change commit or roll back together (as
 * {@link GalleryChanges#mark} does for kiosks). One outbox row per event, one delivery row per webhook that
 * subscribed to its type when it happened; nothing is written while no webhook wants the type. Dispatchers
 * ({@code app.WebhookDispatcher}) claim due deliveries, in any number of processes on one database.
 */
public final class Outbox {
    public static final String CHECKIN = "checkin";
    public static final String CORRECTION = "correction";
    public static final String EMPLOYEE_CHANGED = "employee.changed";
    /** Every event type a webhook can subscribe to. */
    public static final List<String> TYPES = List.of(CHECKIN, CORRECTION, EMPLOYEE_CHANGED);

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A delivery to make: the event (uuid, type, when, its JSON data) and the webhook (id, url, sealed secret).
     *
     * @param attempts attempts made before this one (the row's version: a claim raises it)
     */
    public record Delivery(long outboxId, long webhookId, String url, String eventUuid, String type,
                           Instant occurredAt, String data, int attempts) {
    }

    private final Database db;

    public Outbox(Database db) {
        this.db = db;
    }

    /**
     * Queues event {@code type} with {@code data} for every webhook subscribed to it, in the caller's transaction.
     */
    static void emit(Connection c, String type, Instant occurredAt, Map<String, Object> data) throws SQLException {
        List<Long> hooks = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT webhook_id FROM webhook_event_type WHERE event_type = ? ORDER BY webhook_id")) {
            ps.setString(1, type);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    hooks.add(rs.getLong(1));
                }
            }
        }
        if (hooks.isEmpty()) {
            return;
        }
        String payload;
        try {
            payload = JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event data of " + type + " is not JSON: " + e.getMessage(), e);
        }
        Instant now = Instant.now();
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (event_uuid, event_type, payload, "
                + "occurred_at, created_at) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, UUID.randomUUID().toString());
            ps.setString(2, type);
            ps.setString(3, payload);
            Rows.setInstant(ps, 4, occurredAt);
            Rows.setInstant(ps, 5, now);
            ps.executeUpdate();
            id = Rows.generatedId(ps);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_delivery (outbox_id, webhook_id, "
                + "attempts, next_attempt_at) VALUES (?, ?, 0, ?)")) {
            for (long hook : hooks) {
                ps.setLong(1, id);
                ps.setLong(2, hook);
                Rows.setInstant(ps, 3, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Undelivered deliveries due at {@code now}, oldest event first, at most {@code limit}. */
    public List<Delivery> due(Instant now, int limit) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT d.outbox_id, d.webhook_id, w.url, o.event_uuid, "
                    + "o.event_type, o.occurred_at, o.payload, d.attempts FROM outbox_delivery d "
                    + "JOIN outbox o ON o.id = d.outbox_id JOIN webhook w ON w.id = d.webhook_id "
                    + "WHERE d.delivered_at IS NULL AND d.next_attempt_at <= ? ORDER BY o.id, d.webhook_id LIMIT ?")) {
                Rows.setInstant(ps, 1, now);
                ps.setInt(2, limit);
                List<Delivery> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Delivery(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), Rows.instant(rs, "occurred_at"), rs.getString(7), rs.getInt(8)));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Claims {@code d} for one attempt: raises its attempt count and holds it for {@code lease} (past which an
     * attempt that never reported back, its process killed, is due again).
     *
     * @return whether this caller got it (false: another dispatcher claimed it first, or it was delivered)
     */
    public boolean claim(Delivery d, Instant now, Duration lease) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_delivery SET attempts = attempts + 1, "
                    + "last_attempt_at = ?, next_attempt_at = ? WHERE outbox_id = ? AND webhook_id = ? "
                    + "AND delivered_at IS NULL AND attempts = ? AND next_attempt_at <= ?")) {
                Rows.setInstant(ps, 1, now);
                Rows.setInstant(ps, 2, now.plus(lease));
                ps.setLong(3, d.outboxId());
                ps.setLong(4, d.webhookId());
                ps.setInt(5, d.attempts());
                Rows.setInstant(ps, 6, now);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Notes the receiver accepted the claimed {@code d}. */
    public void delivered(Delivery d, Instant at) {
        db.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_delivery SET delivered_at = ?, "
                    + "last_error = NULL WHERE outbox_id = ? AND webhook_id = ?")) {
                Rows.setInstant(ps, 1, at);
                ps.setLong(2, d.outboxId());
                ps.setLong(3, d.webhookId());
                ps.executeUpdate();
            }
        });
    }

    /** Notes the claimed {@code d} failed with {@code error}; it is due again at {@code next}. */
    public void failed(Delivery d, Instant next, String error) {
        db.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_delivery SET next_attempt_at = ?, "
                    + "last_error = ? WHERE outbox_id = ? AND webhook_id = ? AND delivered_at IS NULL "
                    + "AND attempts = ?")) {
                Rows.setInstant(ps, 1, next);
                ps.setString(2, error.length() > 1000 ? error.substring(0, 1000) : error);
                ps.setLong(3, d.outboxId());
                ps.setLong(4, d.webhookId());
                ps.setInt(5, d.attempts() + 1);
                ps.executeUpdate();
            }
        });
    }

    /**
     * Makes every undelivered event of webhook {@code webhookId} (every webhook when null) due now, after an
     * outage is over, instead of at its backed-off time; a delivery in flight keeps its claim.
     *
     * @return how many were rescheduled
     */
    public int retryNow(Long webhookId, Instant now) {
        return db.inTransaction(c -> {
            // every failing event counts (one already due too: on a slow day its back-off may have run out)
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_delivery SET next_attempt_at = "
                    + "CASE WHEN next_attempt_at > ? THEN ? ELSE next_attempt_at END "
                    + "WHERE delivered_at IS NULL AND last_error IS NOT NULL"
                    + (webhookId == null ? "" : " AND webhook_id = ?"))) {
                Rows.setInstant(ps, 1, now);
                Rows.setInstant(ps, 2, now);
                if (webhookId != null) {
                    ps.setLong(3, webhookId);
                }
                return ps.executeUpdate();
            }
        });
    }

    /** Deletes events created before {@code before} that no webhook still waits for; returns how many. */
    public int prune(Instant before) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE created_at < ? AND NOT EXISTS "
                    + "(SELECT 1 FROM outbox_delivery d WHERE d.outbox_id = outbox.id AND d.delivered_at IS NULL)")) {
                Rows.setInstant(ps, 1, before);
                return ps.executeUpdate();
            }
        });
    }

    /** Undelivered events in all (pending) and those of them whose last attempt failed (failing). */
    public record Counts(int pending, int failing) {
    }

    /** What waits, over every webhook (readable without the face-data key, for {@code status}). */
    public Counts counts() {
        return db.inTransaction(c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(last_error) FROM outbox_delivery "
                         + "WHERE delivered_at IS NULL")) {
                rs.next();
                return new Counts(rs.getInt(1), rs.getInt(2));
            }
        });
    }
}
