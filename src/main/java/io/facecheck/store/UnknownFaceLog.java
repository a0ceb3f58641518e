package io.facecheck.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;

/**
 * Sightings of unknown faces: when, where, how far from the nearest employee; a crop only when configured, and then
 * encrypted like every face crop ({@link FaceDataCipher}).
 */
public final class UnknownFaceLog {
    private final Database db;

    public UnknownFaceLog(Database db) {
        this.db = db;
    }

    /** Records one sighting; {@code png} may be null (the default: faces of strangers are not kept). */
    public void record(Instant at, String kioskId, Double distance, byte[] png) {
        db.run(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO unknown_face (at_utc, kiosk_id, distance, png) VALUES (?, ?, ?, ?)",
                    java.sql.Statement.RETURN_GENERATED_KEYS)) {
                Rows.setInstant(ps, 1, at);
                ps.setString(2, kioskId);
                Rows.setDouble(ps, 3, distance);
                ps.setBytes(4, png == null ? null : new byte[0]);
                ps.executeUpdate();
                if (png != null) {
                    long id = Rows.generatedId(ps);
                    byte[] sealed = db.faceCipher().seal(FaceDataEncryption.UNKNOWN, id, png);
                    try (PreparedStatement up = conn.prepareStatement(
                            "UPDATE unknown_face SET png = ?, key_id = ? WHERE id = ?")) {
                        up.setBytes(1, sealed);
                        up.setString(2, FaceDataCipher.keyIdOf(sealed));
                        up.setLong(3, id);
                        up.executeUpdate();
                    }
                }
            }
        });
    }

    /** Sightings with {@code from <= at < toExclusive}. */
    public int count(Instant from, Instant toExclusive) {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT COUNT(*) FROM unknown_face WHERE at_utc >= ? AND at_utc < ?")) {
                Rows.setInstant(ps, 1, from);
                Rows.setInstant(ps, 2, toExclusive);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** How many sightings kept a face crop. */
    public int countWithCrops() {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT COUNT(*) FROM unknown_face WHERE png IS NOT NULL");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** Erases every kept crop of unknown faces (the counts stay); returns how many were erased. */
    public int eraseCrops() {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("UPDATE unknown_face SET png = NULL, key_id = NULL WHERE png IS NOT NULL")) {
                return ps.executeUpdate();
            }
        });
    }
}
