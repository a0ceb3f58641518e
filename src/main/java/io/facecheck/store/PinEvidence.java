package io.facecheck.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;

/**
 * The face crop of whoever stood at the kiosk when a PIN was used, one per PIN check-in where a face was seen:
 * sealed like every face crop ({@link FaceDataCipher}) and purged after a number of days.
 */
public final class PinEvidence {
    private final Database db;

    public PinEvidence(Database db) {
        this.db = db;
    }

    /** Keeps {@code png} as the evidence of event {@code eventId}, inside the caller's transaction. */
    public void add(Connection c, long eventId, byte[] png, Instant at) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO pin_evidence (event_id, png, created_at) "
                + "VALUES (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, eventId);
            ps.setBytes(2, new byte[0]);
            Rows.setInstant(ps, 3, at);
            ps.executeUpdate();
            id = Rows.generatedId(ps);
        }
        // the row's id is part of what the seal authenticates, so the bytes are sealed once it is known
        byte[] sealed = db.faceCipher().seal(FaceDataEncryption.PIN_EVIDENCE, id, png);
        try (PreparedStatement up = c.prepareStatement("UPDATE pin_evidence SET png = ?, key_id = ? WHERE id = ?")) {
            up.setBytes(1, sealed);
            up.setString(2, FaceDataCipher.keyIdOf(sealed));
            up.setLong(3, id);
            up.executeUpdate();
        }
    }

    /** The evidence of event {@code eventId}, opened (PNG bytes), if there is any. */
    public Optional<byte[]> of(long eventId) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, png FROM pin_evidence WHERE event_id = ? ORDER BY id LIMIT 1")) {
                ps.setLong(1, eventId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(db.faceCipher().open(FaceDataEncryption.PIN_EVIDENCE, rs.getLong(1),
                            rs.getBytes(2)));
                }
            }
        });
    }

    /** How many crops are kept. */
    public int count() {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM pin_evidence");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** Deletes the crops kept before {@code before}; returns how many. */
    public int purgeBefore(Instant before) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM pin_evidence WHERE created_at < ?")) {
                Rows.setInstant(ps, 1, before);
                return ps.executeUpdate();
            }
        });
    }
}
