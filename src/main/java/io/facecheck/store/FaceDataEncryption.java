package io.facecheck.store;

import java.nio.file.Files;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Ties a database to its face-data keys when it is opened: checks that every key a record needs is at hand
 * (else the "cannot decrypt the face data" error), finishes a key rotation that was interrupted after its commit,
 * and encrypts the records of a database written before encryption existed (one transaction). Also re-seals every
 * record under one key for {@link FaceKeyRotation}.
 */
final class FaceDataEncryption {
    /** The tables holding face data: templates and crops. */
    static final String TEMPLATES = "face_template";
    static final String CROPS = "enrollment_crop";
    static final String UNKNOWN = "unknown_face";
    /** Face crops kept as evidence of PIN check-ins. */
    static final String PIN_EVIDENCE = "pin_evidence";
    /** The tables of sealed PNG crops (png, key_id). */
    private static final List<String> CROP_TABLES = List.of(CROPS, UNKNOWN, PIN_EVIDENCE);

    private FaceDataEncryption() {
    }

    /** Progress of a re-encryption. */
    interface Progress {
        void record(int done, int total);
    }

    /**
     * Loads the keys for {@code db} and brings its face data under them.
     *
     * @param mayCreateKey whether a missing key file may be created (while no record needs a key); when not, a
     *                     database whose records need no key opens without one
     * @return how many plain (pre-encryption) records were encrypted
     */
    static int attach(Database db, FaceKeys keys, boolean mayCreateKey) {
        Set<String> inUse = db.inTransaction(FaceDataEncryption::keyIdsInUse);
        if (inUse.isEmpty() && !mayCreateKey && keys.keyFile().filter(f -> !Files.exists(f)).isPresent()) {
            // a command that only reads: no key needed, none made (plain records wait for a command that may)
            return 0;
        }
        keys.load(inUse.isEmpty());
        Set<String> missing = new LinkedHashSet<>();
        for (String id : inUse) {
            if (keys.find(id) == null) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            throw keys.cannotDecrypt("the face data " + keys.lacking(missing));
        }
        // a rotation that committed but did not replace the key file: no record needs the old key any more
        if (keys.pendingId().isPresent() && !inUse.contains(keys.currentId())) {
            keys.finishRotation();
        }
        FaceDataCipher cipher = db.faceCipher();
        return db.inTransaction(c -> reseal(c, cipher, null, (d, t) -> { }));
    }

    /** Distinct key ids of all sealed records. */
    static Set<String> keyIdsInUse(Connection c) throws SQLException {
        Set<String> ids = new LinkedHashSet<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT key_id FROM " + TEMPLATES + " WHERE key_id IS NOT NULL "
                     + "UNION SELECT DISTINCT key_id FROM " + CROPS + " WHERE key_id IS NOT NULL "
                     + "UNION SELECT DISTINCT key_id FROM " + UNKNOWN + " WHERE key_id IS NOT NULL "
                     + "UNION SELECT DISTINCT key_id FROM " + WebhookRepository.TABLE + " WHERE key_id IS NOT NULL "
                     + "UNION SELECT DISTINCT key_id FROM " + PIN_EVIDENCE + " WHERE key_id IS NOT NULL")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    /** How many face-data records are not sealed under {@code keyId} (plain ones included). */
    static int countNotUnder(Connection c, String keyId) throws SQLException {
        int n = 0;
        for (String table : List.of(TEMPLATES, CROPS, UNKNOWN, PIN_EVIDENCE)) {
            n += ids(c, table, keyId).size();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + WebhookRepository.TABLE
                + " WHERE key_id <> ?")) {
            ps.setString(1, keyId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return n + rs.getInt(1);
            }
        }
    }

    /**
     * Seals, under the cipher's write key, every record that is plain ({@code keyId == null}) or, when
     * {@code keyId} is given, every record not already under that key.
     *
     * @return records re-sealed
     */
    static int reseal(Connection c, FaceDataCipher cipher, String keyId, Progress progress) throws SQLException {
        List<Long> templates = ids(c, TEMPLATES, keyId);
        java.util.Map<String, List<Long>> cropIds = new java.util.LinkedHashMap<>();
        int total = templates.size();
        for (String table : CROP_TABLES) {
            cropIds.put(table, ids(c, table, keyId));
            total += cropIds.get(table).size();
        }
        int done = 0;
        for (long id : templates) {
            float[] v;
            try (PreparedStatement ps = c.prepareStatement("SELECT vector, sealed FROM " + TEMPLATES + " WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    byte[] sealed = rs.getBytes(2);
                    v = sealed != null ? cipher.openVector(TEMPLATES, id, sealed) : floats(rs.getArray(1));
                }
            }
            byte[] sealed = cipher.sealVector(TEMPLATES, id, v);
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + TEMPLATES
                    + " SET sealed = ?, key_id = ?, vector = NULL WHERE id = ?")) {
                ps.setBytes(1, sealed);
                ps.setString(2, FaceDataCipher.keyIdOf(sealed));
                ps.setLong(3, id);
                ps.executeUpdate();
            }
            progress.record(++done, total);
        }
        for (String table : CROP_TABLES) {
            for (long id : cropIds.get(table)) {
                byte[] stored;
                String storedKey;
                try (PreparedStatement ps = c.prepareStatement("SELECT png, key_id FROM " + table + " WHERE id = ?")) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        stored = rs.getBytes(1);
                        storedKey = rs.getString(2);
                    }
                }
                byte[] plain = storedKey == null ? stored : cipher.open(table, id, stored);
                byte[] sealed = cipher.seal(table, id, plain);
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET png = ?, key_id = ? WHERE id = ?")) {
                    ps.setBytes(1, sealed);
                    ps.setString(2, FaceDataCipher.keyIdOf(sealed));
                    ps.setLong(3, id);
                    ps.executeUpdate();
                }
                progress.record(++done, total);
            }
        }
        // webhook secrets are sealed with the same key, so that a retired key leaves none unreadable
        return total + WebhookRepository.reseal(c, cipher, keyId);
    }

    private static List<Long> ids(Connection c, String table, String keyId) throws SQLException {
        String where = keyId == null ? "key_id IS NULL" : "(key_id IS NULL OR key_id <> ?)";
        if (!table.equals(TEMPLATES)) {
            where += " AND png IS NOT NULL";
        }
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + table + " WHERE " + where + " ORDER BY id")) {
            if (keyId != null) {
                ps.setString(1, keyId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    static float[] floats(Array arr) throws SQLException {
        Object[] values = (Object[]) arr.getArray();
        float[] v = new float[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = ((Number) values[i]).floatValue();
        }
        return v;
    }
}
