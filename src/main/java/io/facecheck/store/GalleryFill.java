package io.facecheck.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Many employees with their templates written at once, for {@code facecheck bench}'s gallery load (100k templates
 * would take minutes one {@link TemplateRepository#add} at a time, on a server one round trip per statement). The
 * rows are the ones {@link EmployeeRepository#create} and {@link TemplateRepository#add} write: an active
 * employee, each template inserted with an empty placeholder and then sealed with its own id as associated data
 * under the current write key (with its key id), one {@link GalleryChanges} mark per template; only the statements
 * go in JDBC batches, one transaction per call.
 */
public final class GalleryFill {
    /** One employee to create with the templates to store for them. */
    public record Person(String code, String name, List<float[]> templates) {
    }

    private final Database db;
    private final Clock clock;

    public GalleryFill(Database db) {
        this(db, Clock.systemUTC());
    }

    public GalleryFill(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Creates {@code people} (codes not taken yet) and stores their templates of {@code modelId} (quality
     * {@code quality}, source {@code source}, no crop), in one transaction.
     *
     * @return the number of templates written
     * @throws StoreException {@code INVALID} for an empty template, {@code CONFLICT} when a code is taken
     */
    public int add(List<Person> people, String modelId, double quality, String source) {
        for (Person p : people) {
            for (float[] v : p.templates()) {
                if (v == null || v.length == 0) {
                    throw new StoreException(StoreException.Kind.INVALID, "empty face template of " + p.code());
                }
            }
        }
        if (people.isEmpty()) {
            return 0;
        }
        return db.inTransaction(conn -> {
            Instant now = clock.instant();
            long[] employeeIds = insertEmployees(conn, people, now);
            List<long[]> owners = new ArrayList<>(); // {employee index, template index}
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO face_template (employee_id, crop_id, "
                    + "model_id, dimension, sealed, quality, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                for (int p = 0; p < people.size(); p++) {
                    List<float[]> templates = people.get(p).templates();
                    for (int t = 0; t < templates.size(); t++) {
                        ps.setLong(1, employeeIds[p]);
                        ps.setNull(2, java.sql.Types.BIGINT);
                        ps.setString(3, modelId);
                        ps.setInt(4, templates.get(t).length);
                        ps.setBytes(5, new byte[0]);
                        ps.setDouble(6, quality);
                        ps.setString(7, source);
                        Rows.setInstant(ps, 8, now);
                        ps.addBatch();
                        owners.add(new long[] {p, t});
                    }
                }
                ps.executeBatch();
                long[] ids = generatedIds(ps, owners.size(), "face_template");
                try (PreparedStatement seal = conn.prepareStatement(
                        "UPDATE face_template SET sealed = ?, key_id = ? WHERE id = ?");
                     PreparedStatement mark = conn.prepareStatement(
                             "INSERT INTO gallery_change (employee_code, changed_at) VALUES (?, ?)")) {
                    for (int i = 0; i < ids.length; i++) {
                        Person p = people.get((int) owners.get(i)[0]);
                        byte[] sealed = db.faceCipher().sealVector(FaceDataEncryption.TEMPLATES, ids[i],
                                p.templates().get((int) owners.get(i)[1]));
                        seal.setBytes(1, sealed);
                        seal.setString(2, FaceDataCipher.keyIdOf(sealed));
                        seal.setLong(3, ids[i]);
                        seal.addBatch();
                        mark.setString(1, p.code());
                        Rows.setInstant(mark, 2, now);
                        mark.addBatch();
                    }
                    seal.executeBatch();
                    mark.executeBatch();
                }
                return ids.length;
            }
        });
    }

    /**
     * Deletes the employees whose code starts with {@code codePrefix} (their templates go with them) and their
     * change marks: what {@link #add} wrote, once measured.
     *
     * @return the number of employees deleted
     */
    public int removeByCodePrefix(String codePrefix) {
        String like = requireText(codePrefix, "code prefix").replace("!", "!!").replace("%", "!%").replace("_", "!_")
                + "%";
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "DELETE FROM gallery_change WHERE employee_code LIKE ? ESCAPE '!'")) {
                ps.setString(1, like);
                ps.executeUpdate();
            }
            // the templates first, in one statement (by the employee index of schema version 6); then the employees
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM face_template WHERE employee_id IN "
                    + "(SELECT id FROM employee WHERE code LIKE ? ESCAPE '!')")) {
                ps.setString(1, like);
                ps.executeUpdate();
            }
            int n;
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM employee WHERE code LIKE ? ESCAPE '!'")) {
                ps.setString(1, like);
                n = ps.executeUpdate();
            }
            return n;
        });
    }

    private static long[] insertEmployees(Connection conn, List<Person> people, Instant now) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO employee (code, name, department, active, created_at) VALUES (?, ?, ?, TRUE, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            for (Person p : people) {
                ps.setString(1, requireText(p.code(), "employee code"));
                ps.setString(2, requireText(p.name(), "employee name"));
                ps.setString(3, null);
                Rows.setInstant(ps, 4, now);
                ps.addBatch();
            }
            try {
                ps.executeBatch();
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState()) || e.getErrorCode() == 23505) {
                    throw new StoreException(StoreException.Kind.CONFLICT, "an employee code of this batch "
                            + "already exists");
                }
                throw e;
            }
            return generatedIds(ps, people.size(), "employee");
        }
    }

    private static long[] generatedIds(PreparedStatement ps, int n, String table) throws SQLException {
        long[] ids = new long[n];
        int i = 0;
        try (ResultSet keys = ps.getGeneratedKeys()) {
            while (keys.next() && i < n) {
                ids[i++] = keys.getLong(1);
            }
        }
        if (i != n) {
            throw new SQLException("the driver returned " + i + " generated ids for " + n + " rows of " + table);
        }
        return ids;
    }

    private static String requireText(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new StoreException(StoreException.Kind.INVALID, what + " must not be blank");
        }
        return s.strip();
    }
}
