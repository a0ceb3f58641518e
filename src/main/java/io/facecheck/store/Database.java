package io.facecheck.store;

import io.facecheck.config.PrivateFiles;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;

/**
 * The H2 database: opened (and migrated to the latest schema) by {@link #open(String)}, used through
 * {@link #inTransaction(SqlWork)}. A transaction commits before it returns, so whatever a caller reports
 * afterwards is on disk ({@code WRITE_DELAY=0}: every commit is written to the file at once and survives a
 * killed process). File databases get {@code AUTO_SERVER=TRUE} unless the URL says otherwise, so the CLI and a
 * running app share one database; when that is impossible the error says the database is in use.
 * <p>
 * Transactions nest by joining: repository calls made inside {@code inTransaction} on the same thread run in
 * the outer transaction, so a multi-row write (employee + templates + audit) commits or rolls back as one.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    // H2 error codes (org.h2.api.ErrorCode)
    private static final int DATABASE_ALREADY_OPEN = 90020;
    private static final int DATABASE_IS_READ_ONLY = 90097;
    private static final int FILE_CORRUPTED = 90030;
    private static final int FILE_VERSION_ERROR = 90048;
    private static final int WRONG_USER_OR_PASSWORD = 28000;
    private static final int ERROR_OPENING_DATABASE = 8000;
    private static final int CONNECTION_BROKEN = 90067;

    private final String url;
    private final String displayName;
    private final JdbcConnectionPool pool;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    private volatile FaceDataCipher faceCipher;

    private Database(String url, String displayName, JdbcConnectionPool pool) {
        this.url = url;
        this.displayName = displayName;
        this.pool = pool;
    }

    /**
     * Opens the database at {@code jdbcUrl} (H2; a file database is created when missing) and brings its schema
     * up to date.
     *
     * @throws StoreException with a clear message when it is in use, read-only or not a database
     */
    public static Database open(String jdbcUrl) {
        return open(jdbcUrl, FaceKeys.defaults());
    }

    /**
     * Opens the database with the face-data keys {@code keys}: checks that every key its records need is there
     * ({@link StoreException.Kind#KEY} otherwise), creates the key file at the first start, and encrypts the face
     * data of a database written before encryption existed. A new H2 file and a folder created for it are
     * owner-only (0600 / 0700 on POSIX).
     */
    public static Database open(String jdbcUrl, FaceKeys keys) {
        String url = withDefaults(jdbcUrl);
        Optional<Path> file = databaseFile(url);
        String name = file.map(Path::toString).orElse(jdbcUrl);
        if (file.isPresent() && Files.exists(file.get()) && !Files.isWritable(file.get())) {
            throw new StoreException(StoreException.Kind.READ_ONLY,
                    "database " + name + " is read-only (no write permission); FaceCheck needs to write to it");
        }
        file.ifPresent(Database::prepareOwnerOnly);
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser(userOf(url));
        ds.setPassword("");
        JdbcConnectionPool pool = JdbcConnectionPool.create(ds);
        pool.setMaxConnections(16);
        Database db = new Database(url, name, pool);
        try {
            // the first connection opens the file: fail here with a clear message
            try (Connection c = pool.getConnection()) {
                if (c.isReadOnly()) {
                    throw new StoreException(StoreException.Kind.READ_ONLY,
                            "database " + name + " is read-only; FaceCheck needs to write to it");
                }
            }
            db.migrate();
            db.faceCipher = new FaceDataCipher(keys);
            int plain = FaceDataEncryption.attach(db, keys);
            if (plain > 0) {
                LOG.info("database {}: encrypted {} face-data record(s) written before encryption", name, plain);
                if (file.isPresent()) {
                    // rewrite the file so that no page of the plain records is left in it
                    db.compactAndClose();
                    return open(jdbcUrl, keys);
                }
            }
            db.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("SET WRITE_DELAY 0");
                }
                return null;
            });
            LOG.info("database {} open", name);
            return db;
        } catch (SQLException e) {
            pool.dispose();
            throw db.translate(e, "open");
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }

    private void migrate() {
        try {
            var result = Flyway.configure(Database.class.getClassLoader())
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("database {}: {} migration(s) applied, schema now {}", displayName,
                        result.migrationsExecuted, result.targetSchemaVersion);
            }
        } catch (FlywayException e) {
            SQLException sql = findSql(e);
            if (sql != null) {
                throw translate(sql, "migrate");
            }
            throw new StoreException(StoreException.Kind.CANNOT_OPEN,
                    "cannot update the schema of database " + displayName + ": " + e.getMessage(), e);
        }
    }

    /** The schema version Flyway applied last ("3"), or "none". */
    public String schemaVersion() {
        return inTransaction(c -> {
            try (Statement s = c.createStatement();
                 java.sql.ResultSet rs = s.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" WHERE "
                         + "\"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC")) {
                return rs.next() ? rs.getString(1) : "none";
            }
        });
    }

    /** Encrypts and decrypts this database's face data (templates, crops). */
    public FaceDataCipher faceCipher() {
        return faceCipher;
    }

    /** Closes every connection and rewrites the H2 file compactly (the database must not be shared meanwhile). */
    private void compactAndClose() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        } finally {
            pool.dispose();
        }
    }

    /** Creates the folder (0700) and an empty file (0600) for a new database; tightens an existing file to 0600. */
    private static void prepareOwnerOnly(Path file) {
        try {
            PrivateFiles.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                // H2 takes over an empty file, keeping its permissions
                PrivateFiles.createFile(file.getParent(), file.getFileName().toString());
            } else if (PrivateFiles.restrict(file)) {
                LOG.info("database file {} made readable by its owner only", file);
            }
        } catch (java.io.IOException e) {
            LOG.warn("cannot make database file {} owner-only: {}", file, e.getMessage());
        }
    }

    /** The JDBC URL in use (with FaceCheck's defaults added). */
    public String url() {
        return url;
    }

    /**
     * Runs {@code work} in a transaction and commits it before returning; rolls back on any exception. Called
     * again inside {@code work} on the same thread, it joins the outer transaction.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        Connection joined = current.get();
        if (joined != null) {
            try {
                return work.run(joined);
            } catch (SQLException e) {
                throw translate(e, "write");
            }
        }
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            current.set(c);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                current.remove();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw translate(e, "write");
        }
    }

    /**
     * Runs read-only {@code work} on one snapshot of the whole database (H2's SNAPSHOT isolation): every table is
     * read as it was when the work started, whatever other connections commit meanwhile.
     */
    <T> T snapshot(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
            }
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED");
                }
            }
        } catch (SQLException e) {
            throw translate(e, "back up");
        }
    }

    /** Runs {@code work} in a transaction without a result. */
    public void run(SqlAction work) {
        inTransaction(c -> {
            work.run(c);
            return null;
        });
    }

    /** Work without a result. */
    @FunctionalInterface
    public interface SqlAction {
        void run(Connection c) throws SQLException;
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.warn("rollback failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        pool.dispose();
    }

    /** Turns an H2 error into a {@link StoreException} a user can act on. */
    StoreException translate(SQLException e, String doing) {
        int code = e.getErrorCode();
        String detail = firstLine(e.getMessage());
        return switch (code) {
            case DATABASE_ALREADY_OPEN -> new StoreException(StoreException.Kind.IN_USE,
                    "database " + displayName + " is in use by another process (" + lockInfo() + "); close it, or "
                            + "open both with AUTO_SERVER=TRUE to share it", e);
            case DATABASE_IS_READ_ONLY -> new StoreException(StoreException.Kind.READ_ONLY,
                    "database " + displayName + " is read-only; FaceCheck needs to write to it", e);
            case FILE_CORRUPTED, FILE_VERSION_ERROR -> new StoreException(StoreException.Kind.CANNOT_OPEN,
                    "database " + displayName + " is not a readable H2 2.x database: " + detail, e);
            case WRONG_USER_OR_PASSWORD -> new StoreException(StoreException.Kind.CANNOT_OPEN,
                    "cannot log in to database " + displayName + ": wrong user or password", e);
            case ERROR_OPENING_DATABASE, CONNECTION_BROKEN -> new StoreException(StoreException.Kind.CANNOT_OPEN,
                    "cannot open database " + displayName + ": " + detail, e);
            default -> readOnlyCause(e)
                    ? new StoreException(StoreException.Kind.READ_ONLY, "database " + displayName
                            + " is read-only (cannot write its files): " + detail, e)
                    : new StoreException(StoreException.Kind.OTHER,
                            "database " + displayName + ": cannot " + doing + ": " + detail, e);
        };
    }

    private static boolean readOnlyCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof java.nio.file.AccessDeniedException || m.contains("read-only file system")
                    || m.contains("permission denied") || m.contains("access denied")) {
                return true;
            }
        }
        return false;
    }

    private String lockInfo() {
        Optional<Path> file = databaseFile(url);
        if (file.isEmpty()) {
            return "server mode off";
        }
        String base = file.get().toString();
        Path lock = Path.of(base.substring(0, base.length() - ".mv.db".length()) + ".lock.db");
        if (!Files.exists(lock)) {
            return "no lock file";
        }
        try {
            var p = new java.util.Properties();
            try (var in = Files.newInputStream(lock)) {
                p.load(in);
            }
            String server = p.getProperty("server");
            return server != null ? "lock " + lock + ", server " + server : "lock " + lock;
        } catch (Exception ex) {
            return "lock " + lock;
        }
    }

    private static SQLException findSql(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Adds AUTO_SERVER=TRUE to a file URL that does not set it (nor a conflicting mode). */
    static String withDefaults(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:h2:")) {
            throw new StoreException(StoreException.Kind.CANNOT_OPEN,
                    "not an H2 database URL: " + jdbcUrl + " (expected jdbc:h2:file:PATH)");
        }
        if (databaseFile(jdbcUrl).isEmpty()) {
            return jdbcUrl;
        }
        String upper = jdbcUrl.toUpperCase(Locale.ROOT);
        if (upper.contains(";AUTO_SERVER=") || upper.contains(";ACCESS_MODE_DATA=") || upper.contains(";FILE_LOCK=")) {
            return jdbcUrl;
        }
        return jdbcUrl + ";AUTO_SERVER=TRUE";
    }

    /** The {@code .mv.db} file of an H2 file URL, if it is one. */
    public static Optional<Path> fileOf(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith("jdbc:h2:") ? databaseFile(jdbcUrl) : Optional.empty();
    }

    /** The {@code .mv.db} file of an embedded file URL, if it is one. */
    static Optional<Path> databaseFile(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        int semi = rest.indexOf(';');
        String path = semi < 0 ? rest : rest.substring(0, semi);
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        } else if (path.startsWith("mem:") || path.startsWith("tcp:") || path.startsWith("ssl:")
                || path.startsWith("zip:") || path.contains(":") && !looksLikeWindowsDrive(path)) {
            return Optional.empty();
        }
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Optional.of(Path.of(path + ".mv.db").toAbsolutePath());
    }

    private static boolean looksLikeWindowsDrive(String p) {
        return p.length() > 2 && Character.isLetter(p.charAt(0)) && p.charAt(1) == ':';
    }

    private static String userOf(String url) {
        for (String part : url.split(";")) {
            if (part.toUpperCase(Locale.ROOT).startsWith("USER=")) {
                return part.substring(5);
            }
        }
        return "sa";
    }
}
