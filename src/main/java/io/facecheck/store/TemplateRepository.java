package io.facecheck.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Face templates (embeddings per model) and the enrollment crops they come from. Both are encrypted with the
 * database's {@link FaceDataCipher} before they are written (a row is inserted with an empty placeholder and sealed
 * with its id as associated data in the same transaction) and decrypted when read.
 */
public final class TemplateRepository {
    private static final String TEMPLATE_COLUMNS = "t.id, t.employee_id, e.code, t.crop_id, t.model_id, t.sealed, "
            + "t.quality, t.source, t.created_at";
    private static final String CROP_COLUMNS = "id, employee_id, png, width, height, quality, source, created_at";

    /** Rows a driver fetches at a time when a whole gallery is read. */
    private static final int FETCH_ROWS = 1_000;

    private final Database db;
    private final Clock clock;

    public TemplateRepository(Database db) {
        this(db, Clock.systemUTC());
    }

    public TemplateRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Keeps an aligned enrollment crop (PNG bytes); returns its id. */
    public long addCrop(long employeeId, byte[] png, int width, int height, double quality, String source) {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO enrollment_crop (employee_id, png, width, "
                    + "height, quality, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, employeeId);
                ps.setBytes(2, new byte[0]);
                ps.setInt(3, width);
                ps.setInt(4, height);
                ps.setDouble(5, quality);
                ps.setString(6, source);
                Rows.setInstant(ps, 7, clock.instant());
                ps.executeUpdate();
                long id = Rows.generatedId(ps);
                seal(conn, FaceDataEncryption.CROPS, "png", id, db.faceCipher().seal(FaceDataEncryption.CROPS, id, png));
                return id;
            }
        });
    }

    /** Stores a template of {@code modelId}; {@code cropId} may be null. */
    public FaceTemplate add(long employeeId, Long cropId, String modelId, float[] vector, double quality,
                            String source) {
        if (vector == null || vector.length == 0) {
            throw new StoreException(StoreException.Kind.INVALID, "empty face template");
        }
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO face_template (employee_id, crop_id, "
                    + "model_id, dimension, sealed, quality, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, employeeId);
                if (cropId == null) {
                    ps.setNull(2, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(2, cropId);
                }
                ps.setString(3, modelId);
                ps.setInt(4, vector.length);
                ps.setBytes(5, new byte[0]);
                ps.setDouble(6, quality);
                ps.setString(7, source);
                Rows.setInstant(ps, 8, clock.instant());
                ps.executeUpdate();
                long id = Rows.generatedId(ps);
                seal(conn, FaceDataEncryption.TEMPLATES, "sealed", id,
                        db.faceCipher().sealVector(FaceDataEncryption.TEMPLATES, id, vector));
                GalleryChanges.markEmployee(conn, employeeId); // running kiosks reload this employee
                return query(conn, "WHERE t.id = ?", id).get(0);
            }
        });
    }

    /**
     * Templates of {@code modelId} of active employees, ordered by employee code then id (a kiosk's gallery at its
     * start: 100k rows are read in pages of {@link #FETCH_ROWS}, not all held by the driver at once).
     */
    public List<FaceTemplate> listByModel(String modelId) {
        return db.inTransaction(conn -> query(conn, FETCH_ROWS,
                "WHERE t.model_id = ? AND e.active ORDER BY e.code, t.id", modelId));
    }

    /** The templates of {@code modelId} of the employee with {@code code} when active (a kiosk's partial reload). */
    public List<FaceTemplate> listByModel(String modelId, String code) {
        return db.inTransaction(conn -> query(conn, "WHERE t.model_id = ? AND e.code = ? AND e.active ORDER BY t.id",
                modelId, code));
    }

    /** The change counter that tells running kiosks which employees' templates changed. */
    public GalleryChanges changes() {
        return new GalleryChanges(db);
    }

    /** All templates of one employee (any model). */
    public List<FaceTemplate> listByEmployee(long employeeId) {
        return db.inTransaction(conn -> query(conn, "WHERE t.employee_id = ? ORDER BY t.id", employeeId));
    }

    /** The enrollment crops of one employee. */
    public List<EnrollmentCrop> cropsOf(long employeeId) {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT " + CROP_COLUMNS
                    + " FROM enrollment_crop WHERE employee_id = ? ORDER BY id")) {
                ps.setLong(1, employeeId);
                return readCrops(ps);
            }
        });
    }

    /** Every kept enrollment crop (for rebuilding templates after a model change). */
    public List<EnrollmentCrop> allCrops() {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT " + CROP_COLUMNS
                    + " FROM enrollment_crop ORDER BY employee_id, id")) {
                return readCrops(ps);
            }
        });
    }

    /** Number of templates and crops left for an employee (both 0 after an erasure). */
    public int countForEmployee(long employeeId) {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT (SELECT COUNT(*) FROM face_template WHERE "
                    + "employee_id = ?) + (SELECT COUNT(*) FROM enrollment_crop WHERE employee_id = ?)")) {
                ps.setLong(1, employeeId);
                ps.setLong(2, employeeId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** Deletes every template and crop of an employee (re-enroll with replace); returns templates removed. */
    public int deleteForEmployee(long employeeId) {
        return db.inTransaction(conn -> {
            int n;
            GalleryChanges.markEmployee(conn, employeeId);
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM face_template WHERE employee_id = ?")) {
                ps.setLong(1, employeeId);
                n = ps.executeUpdate();
            }
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM enrollment_crop WHERE employee_id = ?")) {
                ps.setLong(1, employeeId);
                ps.executeUpdate();
            }
            Optional<Employee> who = new EmployeeRepository(db).findById(employeeId);
            if (who.isPresent()) {
                EmployeeRepository.changed(conn, who.get(), "faces-erased");
            }
            return n;
        });
    }

    /** Deletes the templates of one model (before rebuilding them); crops are kept. */
    public int deleteByModel(String modelId) {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO gallery_change (employee_code, changed_at) "
                    + "SELECT DISTINCT e.code, ? FROM face_template t JOIN employee e ON e.id = t.employee_id "
                    + "WHERE t.model_id = ?")) {
                Rows.setInstant(ps, 1, java.time.Instant.now());
                ps.setString(2, modelId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM face_template WHERE model_id = ?")) {
                ps.setString(1, modelId);
                return ps.executeUpdate();
            }
        });
    }

    private static void seal(Connection conn, String table, String column, long id, byte[] sealed) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("UPDATE " + table + " SET " + column + " = ?, key_id = ? "
                + "WHERE id = ?")) {
            ps.setBytes(1, sealed);
            ps.setString(2, FaceDataCipher.keyIdOf(sealed));
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    private List<FaceTemplate> query(Connection conn, String where, Object... params) throws SQLException {
        return query(conn, 0, where, params);
    }

    /** @param fetchRows rows the driver fetches at a time (0: its default; PostgreSQL's is all of them) */
    private List<FaceTemplate> query(Connection conn, int fetchRows, String where, Object... params)
            throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT " + TEMPLATE_COLUMNS
                + " FROM face_template t JOIN employee e ON e.id = t.employee_id " + where)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.setFetchSize(fetchRows);
            if (fetchRows > 0 && ps.isWrapperFor(org.postgresql.PGStatement.class)) {
                // the sealed bytes in binary from the first execution: as text, bytea travels hex-encoded, twice
                // its size, and decoding it costs more than decrypting it
                ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
            }
            List<FaceTemplate> out = new ArrayList<>();
            String code = null;
            String model = null;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    float[] v = db.faceCipher().openVector(FaceDataEncryption.TEMPLATES, id, rs.getBytes(6));
                    // one String per employee and model, not per row: a gallery holds 100k rows
                    code = same(code, rs.getString(3));
                    model = same(model, rs.getString(5));
                    out.add(new FaceTemplate(id, rs.getLong(2), code, Rows.nullableLong(rs, "crop_id"), model, v,
                            rs.getDouble(7), rs.getString(8), Rows.instant(rs, "created_at")));
                }
            }
            return out;
        }
    }

    private static String same(String previous, String s) {
        return s != null && s.equals(previous) ? previous : s;
    }

    private List<EnrollmentCrop> readCrops(PreparedStatement ps) throws SQLException {
        List<EnrollmentCrop> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong("id");
                out.add(new EnrollmentCrop(id, rs.getLong("employee_id"),
                        db.faceCipher().open(FaceDataEncryption.CROPS, id, rs.getBytes("png")),
                        rs.getInt("width"), rs.getInt("height"), rs.getDouble("quality"), rs.getString("source"),
                        Rows.instant(rs, "created_at")));
            }
        }
        return out;
    }
}
