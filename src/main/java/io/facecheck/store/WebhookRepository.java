package io.facecheck.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The webhooks (receivers of the {@link Outbox}'s events) with their delivery figures. Secrets are sealed under
 * the face-data key ({@link FaceDataCipher}, this table and the row id as associated data), re-sealed by a key
 * rotation like face data ({@link #reseal}).
 */
public final class WebhookRepository {
    static final String TABLE = "webhook";

    private final Database db;

    public WebhookRepository(Database db) {
        this.db = db;
    }

    /** Adds a webhook for {@code events} (each one of {@link Outbox#TYPES}), its secret sealed. */
    public Webhook add(String url, Set<String> events, byte[] secret, String actor) {
        return db.inTransaction(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhook (url, secret, created_at, created_by) "
                    + "VALUES (?, '', ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, url);
                Rows.setInstant(ps, 2, Instant.now());
                ps.setString(3, actor);
                ps.executeUpdate();
                id = Rows.generatedId(ps);
            }
            seal(c, db.faceCipher(), id, secret);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO webhook_event_type (webhook_id, event_type) VALUES (?, ?)")) {
                for (String type : new TreeSet<>(events)) {
                    ps.setLong(1, id);
                    ps.setString(2, type);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return find(id).orElseThrow();
        });
    }

    /** Removes a webhook and what waits for it; returns whether it existed. */
    public boolean remove(long id) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM webhook WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    public Optional<Webhook> find(long id) {
        return list().stream().filter(w -> w.id() == id).findFirst();
    }

    /** Every webhook, in the order they were added, with its delivery figures. */
    public List<Webhook> list() {
        return db.inTransaction(c -> {
            Map<Long, Set<String>> types = new LinkedHashMap<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT webhook_id, event_type FROM webhook_event_type")) {
                while (rs.next()) {
                    types.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getString(2));
                }
            }
            List<Webhook> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT w.id, w.url, w.created_at, w.created_by, "
                         + "(SELECT COUNT(*) FROM outbox_delivery d WHERE d.webhook_id = w.id "
                         + "AND d.delivered_at IS NULL) AS pending, "
                         + "(SELECT COUNT(*) FROM outbox_delivery d WHERE d.webhook_id = w.id "
                         + "AND d.delivered_at IS NULL AND d.last_error IS NOT NULL) AS failing, "
                         + "(SELECT COUNT(*) FROM outbox_delivery d WHERE d.webhook_id = w.id "
                         + "AND d.delivered_at IS NOT NULL) AS delivered, "
                         + "(SELECT MAX(d.attempts) FROM outbox_delivery d WHERE d.webhook_id = w.id "
                         + "AND d.delivered_at IS NULL) AS attempts, "
                         + "(SELECT MAX(d.last_attempt_at) FROM outbox_delivery d WHERE d.webhook_id = w.id) "
                         + "AS last_attempt_at, "
                         + "(SELECT MIN(d.next_attempt_at) FROM outbox_delivery d WHERE d.webhook_id = w.id "
                         + "AND d.delivered_at IS NULL) AS next_attempt_at "
                         + "FROM webhook w ORDER BY w.id")) {
                while (rs.next()) {
                    long id = rs.getLong("id");
                    out.add(new Webhook(id, rs.getString("url"), types.getOrDefault(id, Set.of()),
                            Rows.instant(rs, "created_at"), rs.getString("created_by"), rs.getInt("pending"),
                            rs.getInt("failing"), rs.getInt("delivered"), rs.getInt("attempts"),
                            lastError(c, id), Rows.instant(rs, "last_attempt_at"),
                            Rows.instant(rs, "next_attempt_at")));
                }
            }
            return out;
        });
    }

    /** The secret of webhook {@code id}, opened with the face-data key. */
    public byte[] secret(long id) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT secret FROM webhook WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException(StoreException.Kind.NOT_FOUND, "no webhook with id " + id);
                    }
                    return db.faceCipher().open(TABLE, id, Base64.getDecoder().decode(rs.getString(1)));
                }
            }
        });
    }

    private static String lastError(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_error FROM outbox_delivery WHERE webhook_id = ? "
                + "AND delivered_at IS NULL AND last_error IS NOT NULL ORDER BY last_attempt_at DESC LIMIT 1")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void seal(Connection c, FaceDataCipher cipher, long id, byte[] secret) throws SQLException {
        byte[] sealed = cipher.seal(TABLE, id, secret);
        try (PreparedStatement ps = c.prepareStatement("UPDATE webhook SET secret = ?, key_id = ? WHERE id = ?")) {
            ps.setString(1, Base64.getEncoder().encodeToString(sealed));
            ps.setString(2, FaceDataCipher.keyIdOf(sealed));
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    /**
     * Re-seals under the cipher's write key every secret not under {@code keyId} (for a key rotation; with
     * {@code keyId} null nothing: a secret is never stored plain).
     *
     * @return secrets re-sealed
     */
    static int reseal(Connection c, FaceDataCipher cipher, String keyId) throws SQLException {
        if (keyId == null) {
            return 0;
        }
        Map<Long, String> sealed = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, secret FROM webhook WHERE key_id <> ?")) {
            ps.setString(1, keyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sealed.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        for (Map.Entry<Long, String> e : sealed.entrySet()) {
            seal(c, cipher, e.getKey(), cipher.open(TABLE, e.getKey(), Base64.getDecoder().decode(e.getValue())));
        }
        return sealed.size();
    }
}
