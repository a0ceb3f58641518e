package io.facecheck.store;

import io.facecheck.config.LocalizedMessage;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.facecheck.config.PrivateFiles;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
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
import javax.sql.DataSource;

/**
 * The database, H2 (an embedded file, the zero-set-up default) or PostgreSQL (a central server shared by the
 * admin PC and several kiosks): opened (and migrated to the latest schema) by {@link #open(String)}, used through
 * {@link #inTransaction(SqlWork)}. A transaction commits before it returns, so whatever a caller reports
 * afterwards is on disk ({@code WRITE_DELAY=0}: every commit is written to the file at once and survives a
 * killed process). File databases get {@code AUTO_SERVER=TRUE} unless the URL says otherwise, so the CLI and a
 * running app share one database; when that is impossible the error says the database is in use.
 * <p>
 * Transactions nest by joining: repository calls made inside {@code inTransaction} on the same thread run in
 * the outer transaction, so a multi-row write (employee + templates + audit) commits or rolls back as one.
 * <p>
 * A {@code jdbc:postgresql://HOST:PORT/DB} URL opens a HikariCP pool on the PostgreSQL driver with the
 * {@link Credentials} given; the same Flyway migrations run on both (shared ones in {@code db/migration/common},
 * a vendor's own script only where its SQL differs, in {@code db/migration/h2} and {@code db/migration/postgresql}).
 * Messages name the server ({@code HOST:PORT/DB}), never the password, and never the URL's query string.
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
    private static final int DATABASE_NOT_FOUND_WITH_IF_EXISTS = 90146;

    /** The kinds of database FaceCheck runs on. */
    public enum Vendor {
        H2("h2"), POSTGRESQL("postgresql");

        private final String folder;

        Vendor(String folder) {
            this.folder = folder;
        }

        /** The vendor of a JDBC URL, or empty when FaceCheck does not support it. */
        public static Optional<Vendor> of(String jdbcUrl) {
            if (jdbcUrl == null) {
                return Optional.empty();
            }
            if (jdbcUrl.startsWith("jdbc:h2:")) {
                return Optional.of(H2);
            }
            if (jdbcUrl.startsWith("jdbc:postgresql:")) {
                return Optional.of(POSTGRESQL);
            }
            return Optional.empty();
        }
    }

    /**
     * Who logs in to a server database. {@link #toString()} never shows the password.
     *
     * @param user     null: the driver's default (H2: {@code sa}; PostgreSQL: the operating-system user)
     * @param password null: none
     */
    public record Credentials(String user, String password) {
        public static final Credentials NONE = new Credentials(null, null);

        @Override
        public String toString() {
            return "Credentials[user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
        }
    }

    /**
     * Whether an open may create what is not there. Only the commands meant to set a database up (enroll, restore
     * into an empty target, admin-user add, the first start of the app) create; the others use
     * {@link #EXISTING}, so that a mistyped {@code --db} is an error instead of a new, empty database and a new key.
     */
    public enum OpenMode {
        /**
         * A missing H2 file (and its folder) is created, an empty server database gets FaceCheck's schema, and while
         * no face data needs a key a missing key file is created.
         */
        CREATE,
        /**
         * The database must exist and hold FaceCheck's schema (an older version is still brought up to date);
         * otherwise {@link StoreException.Kind#NO_DATABASE}. No file is created: no database, no folder, no key
         * file (a database whose face data needs no key opens without one; nothing can be sealed through it then).
         */
        EXISTING;

        boolean creates() {
            return this == CREATE;
        }
    }

    /** How long a PostgreSQL connection attempt may take before the server counts as unreachable. */
    private static final long PG_CONNECT_TIMEOUT_MS = 5_000;
    private static final int PG_SOCKET_TIMEOUT_S = 60;
    /** Tries of a transaction whose H2 server went away before the commit ({@link #inTransaction}). */
    private static final int HANDOVER_TRIES = 3;

    private final String url;
    private final String displayName;
    private final Vendor vendor;
    private final DataSource pool;
    private final AutoCloseable closer;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    private volatile FaceDataCipher faceCipher;
    /** Set while a database opened by {@link #openWhenReachable} has not reached its server yet. */
    private volatile Runnable connector;
    /** A server's login, for {@link #probe()}. */
    private volatile Credentials login;

    private Database(String url, String displayName, Vendor vendor, DataSource pool, AutoCloseable closer) {
        this.url = url;
        this.displayName = displayName;
        this.vendor = vendor;
        this.pool = pool;
        this.closer = closer;
    }

    /**
     * Opens the database at {@code jdbcUrl} (H2; a file database is created when missing) and brings its schema
     * up to date.
     *
     * @throws StoreException with a clear message when it is in use, read-only or not a database
     */
    public static Database open(String jdbcUrl) {
        return open(jdbcUrl, Credentials.NONE, FaceKeys.defaults());
    }

    /**
     * Opens the database with the face-data keys {@code keys}: checks that every key its records need is there
     * ({@link StoreException.Kind#KEY} otherwise), creates the key file at the first start, and encrypts the face
     * data of a database written before encryption existed. A new H2 file and a folder created for it are
     * owner-only (0600 / 0700 on POSIX).
     */
    public static Database open(String jdbcUrl, FaceKeys keys) {
        return open(jdbcUrl, Credentials.NONE, keys);
    }

    /** As {@link #open(String, Credentials, FaceKeys)} with the default face-data keys. */
    public static Database open(String jdbcUrl, Credentials credentials) {
        return open(jdbcUrl, credentials, FaceKeys.defaults());
    }

    /** As {@link #open(String, Credentials, FaceKeys, OpenMode)} with {@link OpenMode#CREATE}. */
    public static Database open(String jdbcUrl, Credentials credentials, FaceKeys keys) {
        return open(jdbcUrl, credentials, keys, OpenMode.CREATE);
    }

    /**
     * Opens the H2 or PostgreSQL database at {@code jdbcUrl} and brings its schema up to date; face data is
     * sealed with {@code keys} on both. An H2 file that another process is opening or closing at this moment is
     * tried again for a few seconds ({@link H2Handover}).
     *
     * @param credentials user and password for a server (ignored by H2 unless given)
     * @param mode        whether a missing database (and key file) may be created
     * @throws StoreException {@code CANNOT_OPEN} when the server cannot be reached, refuses the login, or holds a
     *                        schema newer than this program; {@code IN_USE} / {@code READ_ONLY} for H2 files;
     *                        {@code NO_DATABASE} when {@code mode} is {@code EXISTING} and there is none;
     *                        {@code KEY} when a face-data key is missing
     */
    public static Database open(String jdbcUrl, Credentials credentials, FaceKeys keys, OpenMode mode) {
        return open(jdbcUrl, credentials, keys, mode, true);
    }

    /**
     * For {@code status} when the key is wrong: the existing database ({@link OpenMode#EXISTING}), migrated, but
     * its face data not tied to any key, so that what can be read without the key (counts, backups, key ids in use)
     * can be reported. Face data can be neither read nor written through it.
     */
    public static Database openWithoutKeys(String jdbcUrl, Credentials credentials) {
        return open(jdbcUrl, credentials, null, OpenMode.EXISTING, false);
    }

    private static Database open(String jdbcUrl, Credentials credentials, FaceKeys keys, OpenMode mode,
                                 boolean withKeys) {
        Vendor vendor = Vendor.of(jdbcUrl).orElseThrow(() -> new StoreException(StoreException.Kind.CANNOT_OPEN,
                "not a supported database URL: " + redactUrl(jdbcUrl)
                        + " (expected jdbc:h2:file:PATH or jdbc:postgresql://HOST:PORT/DATABASE)"));
        Credentials login = credentials == null ? Credentials.NONE : credentials;
        Access access = new Access(keys, mode, withKeys);
        if (vendor == Vendor.POSTGRESQL) {
            return openPostgres(jdbcUrl, login, access, false);
        }
        String url = withDefaults(jdbcUrl);
        Optional<Path> file = databaseFile(url);
        if (file.isEmpty()) {
            return openH2(jdbcUrl, login, access);
        }
        return H2Handover.open(file.get().toString(), () -> openH2(jdbcUrl, login, access));
    }

    /** What an open may do: the keys to tie the face data to (none for {@link #openWithoutKeys}), and create or not. */
    private record Access(FaceKeys keys, OpenMode mode, boolean withKeys) {
    }

    private static Database openH2(String jdbcUrl, Credentials credentials, Access access) {
        String url = withDefaults(jdbcUrl);
        Optional<Path> file = databaseFile(url);
        String name = file.map(Path::toString).orElse(jdbcUrl);
        if (!access.mode().creates() && file.isPresent() && !Files.exists(file.get())) {
            throw noDatabase(name, "cli.db.noFile");
        }
        if (file.isPresent() && Files.exists(file.get()) && !Files.isWritable(file.get())) {
            throw new StoreException(StoreException.Kind.READ_ONLY, LocalizedMessage.of("cli.db.noWritePermission", name));
        }
        file.ifPresent(Database::prepareOwnerOnly);
        JdbcDataSource ds = new JdbcDataSource();
        // IFEXISTS: H2 itself refuses to create it (a file deleted since the check above, a mem: database)
        ds.setURL(access.mode().creates() ? url : withSetting(url, "IFEXISTS", "TRUE"));
        ds.setUser(credentials.user() != null ? credentials.user() : userOf(url));
        ds.setPassword(credentials.password() != null ? credentials.password() : "");
        JdbcConnectionPool pool = JdbcConnectionPool.create(ds);
        pool.setMaxConnections(16);
        Database db = new Database(url, name, Vendor.H2, pool, pool::dispose);
        try {
            // the first connection opens the file: fail here with a clear message
            try (Connection c = pool.getConnection()) {
                if (c.isReadOnly()) {
                    throw new StoreException(StoreException.Kind.READ_ONLY, LocalizedMessage.of("cli.db.readOnly", name));
                }
            }
            db.migrate(access.mode());
            int plain = 0;
            if (access.withKeys()) {
                db.faceCipher = new FaceDataCipher(access.keys());
                plain = FaceDataEncryption.attach(db, access.keys(), access.mode().creates());
            }
            if (plain > 0) {
                LOG.info("database {}: encrypted {} face-data record(s) written before encryption", name, plain);
                if (file.isPresent()) {
                    // rewrite the file so that no page of the plain records is left in it
                    db.compactAndClose();
                    return openH2(jdbcUrl, credentials, access);
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

    /**
     * For a kiosk that must outlive its server: as {@link #open(String, Credentials, FaceKeys)}, but a PostgreSQL
     * server that cannot be reached now (down, network cut) is not an error. The database returned then connects,
     * migrates and checks the keys at its first use; until the server is back every use fails with a
     * {@link StoreException#unreachable()} error, quickly when the server refuses the connection. Wrong
     * credentials, a newer schema or a missing key still fail here when the server answers. H2 opens as usual.
     */
    public static Database openWhenReachable(String jdbcUrl, Credentials credentials, FaceKeys keys) {
        return openWhenReachable(jdbcUrl, credentials, keys, OpenMode.CREATE);
    }

    /** As {@link #openWhenReachable(String, Credentials, FaceKeys)}, creating a missing database only in CREATE mode. */
    public static Database openWhenReachable(String jdbcUrl, Credentials credentials, FaceKeys keys, OpenMode mode) {
        if (Vendor.of(jdbcUrl).orElse(null) != Vendor.POSTGRESQL) {
            return open(jdbcUrl, credentials, keys, mode);
        }
        return openPostgres(jdbcUrl, credentials == null ? Credentials.NONE : credentials,
                new Access(keys, mode, true), true);
    }

    /** Whether the database has been reached (always, but for {@link #openWhenReachable} before the server answered). */
    public boolean connected() {
        return connector == null;
    }

    private static Database openPostgres(String jdbcUrl, Credentials credentials, Access access, boolean deferred) {
        String name = "PostgreSQL server " + serverName(jdbcUrl);
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(jdbcUrl);
        if (credentials.user() != null) {
            cfg.setUsername(credentials.user());
        }
        if (credentials.password() != null) {
            cfg.setPassword(credentials.password());
        }
        cfg.setPoolName("facecheck");
        cfg.setMaximumPoolSize(8);
        cfg.setMinimumIdle(0);
        cfg.setConnectionTimeout(PG_CONNECT_TIMEOUT_MS);
        // no connection at construction: the first getConnection below fails with a message we translate
        cfg.setInitializationFailTimeout(-1);
        cfg.addDataSourceProperty("connectTimeout", String.valueOf(PG_CONNECT_TIMEOUT_MS / 1000));
        // a server that vanishes without closing the connection (network cut) fails a statement after this long
        // instead of hanging the kiosk
        cfg.addDataSourceProperty("socketTimeout", String.valueOf(PG_SOCKET_TIMEOUT_S));
        cfg.addDataSourceProperty("ApplicationName", "FaceCheck");
        HikariDataSource pool = new HikariDataSource(cfg);
        Database db = new Database(jdbcUrl, name, Vendor.POSTGRESQL, pool, pool::close);
        db.connector = () -> db.connectPostgres(credentials, access);
        db.login = credentials;
        try {
            db.ensureConnected();
            return db;
        } catch (StoreException e) {
            if (deferred && e.unreachable()) {
                LOG.warn("{} cannot be reached now; working without it until it answers", name);
                return db;
            }
            pool.close();
            throw e;
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Asks a database server, with one direct connection (not the pool, which would keep retrying until its
     * timeout), whether it answers; connects a database opened by {@link #openWhenReachable} that had not yet.
     * A refused connection fails at once, a silent network after the connect timeout.
     *
     * @throws StoreException {@link StoreException#unreachable()} when it does not answer
     */
    public void probe() {
        if (vendor != Vendor.POSTGRESQL) {
            inTransaction(c -> null);
            return;
        }
        directConnect(login);
        ensureConnected();
    }

    private void directConnect(Credentials credentials) {
        java.util.Properties login = new java.util.Properties();
        if (credentials.user() != null) {
            login.setProperty("user", credentials.user());
        }
        if (credentials.password() != null) {
            login.setProperty("password", credentials.password());
        }
        login.setProperty("connectTimeout", String.valueOf(PG_CONNECT_TIMEOUT_MS / 1000));
        try (Connection c = new org.postgresql.Driver().connect(url, login)) {
            if (c == null) {
                throw new StoreException(StoreException.Kind.CANNOT_OPEN, "not a PostgreSQL URL: " + redactUrl(url));
            }
        } catch (SQLException e) {
            throw translate(e, "open");
        }
    }

    /** The first contact with a PostgreSQL server: login, schema, keys. */
    private void connectPostgres(Credentials credentials, Access access) {
        // one direct attempt first: a wrong password or a server that is down fails at once with the driver's
        // own reason (the pool would keep retrying until its timeout)
        directConnect(credentials);
        try {
            try (Connection c = pool.getConnection()) {
                c.isValid(1);
            }
        } catch (SQLException e) {
            throw translate(e, "open");
        }
        migrate(access.mode());
        connector = null; // from here on the normal paths work (attach reads and writes through them)
        if (!access.withKeys()) {
            LOG.info("database {} open without its face-data keys", displayName);
            return;
        }
        faceCipher = new FaceDataCipher(access.keys());
        int plain = FaceDataEncryption.attach(this, access.keys(), access.mode().creates());
        if (plain > 0) {
            // the server keeps the old row versions until its autovacuum reclaims them
            LOG.info("database {}: encrypted {} face-data record(s) written before encryption", displayName, plain);
        }
        LOG.info("database {} open", displayName);
    }

    /** Connects a database opened by {@link #openWhenReachable} that has not reached its server yet. */
    private void ensureConnected() {
        if (connector == null) {
            return;
        }
        synchronized (this) {
            Runnable c = connector;
            if (c != null) {
                c.run();
            }
        }
    }

    private void migrate(OpenMode mode) {
        try {
            Flyway flyway = Flyway.configure(Database.class.getClassLoader())
                    .dataSource(pool)
                    .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor.folder)
                    .load();
            var info = flyway.info();
            if (!mode.creates() && info.applied().length == 0) {
                // someone else's database, or an empty one: not ours to fill with tables
                throw noDatabase(displayName, "cli.db.noSchema");
            }
            refuseNewerSchema(info);
            var result = flyway.migrate();
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

    /** A mistyped {@code --db}: the error of a command that may not create a database. */
    private static StoreException noDatabase(String name, String whyKey) {
        return new StoreException(StoreException.Kind.NO_DATABASE, LocalizedMessage.of(whyKey, name));
    }

    /** Ids of the keys the sealed face data needs (readable without any key). */
    public java.util.Set<String> faceDataKeyIds() {
        return inTransaction(FaceDataEncryption::keyIdsInUse);
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
            close();
        }
    }

    /** Creates the folder (0700) and an empty file (0600) for a new database; tightens an existing file to 0600. */
    static void prepareOwnerOnly(Path file) {
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

    /**
     * A database written by a newer FaceCheck holds migrations this program does not know; using it could lose
     * or misread data, so it is refused (Flyway itself would ignore such "future" migrations).
     */
    private void refuseNewerSchema(org.flywaydb.core.api.MigrationInfoService info) {
        MigrationVersion known = MigrationVersion.EMPTY;
        MigrationVersion newest = null;
        for (MigrationInfo m : info.all()) {
            if (m.getVersion() == null) {
                continue;
            }
            if (m.getState().isResolved() && m.getVersion().isNewerThan(known.getVersion())) {
                known = m.getVersion();
            }
            if (m.getState().name().startsWith("FUTURE")
                    && (newest == null || m.getVersion().isNewerThan(newest.getVersion()))) {
                newest = m.getVersion();
            }
        }
        if (newest != null) {
            throw new StoreException(StoreException.Kind.CANNOT_OPEN, "database " + displayName
                    + " has schema version " + newest + ", newer than this FaceCheck knows (" + known
                    + "); it was written by a newer FaceCheck: update this program before using it");
        }
    }

    /** The JDBC URL in use (with FaceCheck's defaults added; for PostgreSQL it may hold credentials). */
    public String url() {
        return url;
    }

    /** Which kind of database this is. */
    public Vendor vendor() {
        return vendor;
    }

    /** The database in words for messages: the H2 file, or {@code PostgreSQL server HOST:PORT/DB}. */
    public String displayName() {
        return displayName;
    }

    /**
     * Runs {@code work} in a transaction and commits it before returning; rolls back on any exception. Called
     * again inside {@code work} on the same thread, it joins the outer transaction.
     * <p>
     * On an H2 file served by another process that closes it meanwhile, a transaction that failed before its commit
     * is run again (H2 reconnects and takes the file over; see {@link H2Handover}), so {@code work} must do nothing
     * outside the database that cannot be done twice.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        ensureConnected();
        Connection joined = current.get();
        if (joined != null) {
            try {
                return work.run(joined);
            } catch (SQLException e) {
                throw translate(e, "write");
            }
        }
        for (int attempt = 1; ; attempt++) {
            boolean[] committing = {false};
            try {
                return transaction(work, committing);
            } catch (SQLException | StoreException e) {
                if (committing[0] || attempt == HANDOVER_TRIES || vendor != Vendor.H2 || databaseFile(url).isEmpty()
                        || !H2Handover.serverWentAway(e)) {
                    throw e instanceof SQLException sql ? translate(sql, "write") : (StoreException) e;
                }
                LOG.info("database {}: the process serving it closed it during a transaction, which is run again: {}",
                        displayName, e.getMessage());
            }
        }
    }

    /** One try of {@link #inTransaction}; {@code committing[0]} is set once the commit was asked for. */
    private <T> T transaction(SqlWork<T> work, boolean[] committing) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            current.set(c);
            try {
                T result = work.run(c);
                committing[0] = true;
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                current.remove();
                try {
                    c.setAutoCommit(true);
                } catch (SQLException e) {
                    // a connection that broke in the work: the pool drops it; the work's own error is the one to see
                    LOG.debug("resetting auto-commit: {}", e.getMessage());
                }
            }
        }
    }

    /**
     * Runs read-only {@code work} on one snapshot of the whole database (H2's SNAPSHOT isolation): every table is
     * read as it was when the work started, whatever other connections commit meanwhile.
     */
    <T> T snapshot(SqlWork<T> work) {
        ensureConnected();
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
        try {
            closer.close();
        } catch (Exception e) {
            LOG.warn("closing database {}: {}", displayName, e.getMessage());
        }
    }

    /** Turns a database error into a {@link StoreException} a user can act on. */
    StoreException translate(SQLException e, String doing) {
        if (vendor == Vendor.POSTGRESQL) {
            return translatePostgres(e, doing);
        }
        int code = e.getErrorCode();
        String detail = firstLine(e.getMessage());
        return switch (code) {
            case DATABASE_ALREADY_OPEN -> new StoreException(StoreException.Kind.IN_USE,
                    LocalizedMessage.of("cli.db.inUse", displayName, lockInfo()), e);
            case DATABASE_IS_READ_ONLY -> new StoreException(StoreException.Kind.READ_ONLY, LocalizedMessage.of("cli.db.readOnly", displayName), e);
            case FILE_CORRUPTED, FILE_VERSION_ERROR -> new StoreException(StoreException.Kind.CANNOT_OPEN,
                    LocalizedMessage.of("cli.db.notH2", displayName, detail), e);
            case WRONG_USER_OR_PASSWORD -> new StoreException(StoreException.Kind.CANNOT_OPEN,
                    LocalizedMessage.of("cli.db.wrongLogin", displayName), e);
            case DATABASE_NOT_FOUND_WITH_IF_EXISTS -> noDatabase(displayName, "cli.db.notFound");
            case ERROR_OPENING_DATABASE, CONNECTION_BROKEN -> new StoreException(StoreException.Kind.CANNOT_OPEN,
                    LocalizedMessage.of("cli.db.cannotOpen", displayName, detail), e);
            default -> diskFull(e)
                    ? new StoreException(StoreException.Kind.READ_ONLY, "database " + displayName
                            + " cannot be written: the disk is full: " + detail, e)
                    : readOnlyCause(e)
                    ? new StoreException(StoreException.Kind.READ_ONLY, "database " + displayName
                            + " is read-only (cannot write its files): " + detail, e)
                    : new StoreException(StoreException.Kind.OTHER,
                            "database " + displayName + ": cannot " + doing + ": " + detail, e);
        };
    }

    /** PostgreSQL's SQLSTATE classes: 08 connection, 28 login, 3D no such database, 57P server shutting down. */
    private StoreException translatePostgres(SQLException e, String doing) {
        String state = sqlState(e);
        String detail = firstLine(rootMessage(e));
        if (state.startsWith("28")) {
            return new StoreException(StoreException.Kind.CANNOT_OPEN,
                    LocalizedMessage.of("cli.db.wrongServerLogin", displayName), e);
        }
        if (state.equals("08004") && detail.toLowerCase(Locale.ROOT).contains("password")) {
            return new StoreException(StoreException.Kind.CANNOT_OPEN,
                    "cannot log in to " + displayName + ": the server wants a password and none was given (set "
                            + "database.password in the user settings file, or FACECHECK_DB_PASSWORD)", e);
        }
        if (state.equals("3D000")) {
            return new StoreException(StoreException.Kind.CANNOT_OPEN,
                    "cannot open " + displayName + ": the database does not exist (create it, see docs/deployment.md)",
                    e);
        }
        if (isConnectionProblem(e)) {
            return new StoreException(StoreException.Kind.CANNOT_OPEN,
                    "cannot reach " + displayName + ": " + detail + " (is the server running and reachable?)", e);
        }
        return new StoreException(StoreException.Kind.OTHER,
                "database " + displayName + ": cannot " + doing + ": " + detail, e);
    }

    /** Whether {@code e} says the server could not be reached or the connection broke (not a bad statement). */
    public static boolean isConnectionProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.SocketException || t instanceof java.io.EOFException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return "";
    }

    private static String rootMessage(Throwable e) {
        String m = e.getMessage();
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                m = t.getMessage();
            }
        }
        return m;
    }

    /** {@code HOST:PORT/DB} of a PostgreSQL URL: no user, password or other parameters. */
    static String serverName(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:postgresql:".length());
        int q = rest.indexOf('?');
        if (q >= 0) {
            rest = rest.substring(0, q);
        }
        if (rest.startsWith("//")) {
            rest = rest.substring(2);
        }
        int at = rest.lastIndexOf('@', rest.indexOf('/') < 0 ? rest.length() : rest.indexOf('/'));
        if (at >= 0) {
            rest = rest.substring(at + 1);
        }
        return rest.isEmpty() ? "localhost" : rest;
    }

    /** A URL fit for a message: a PostgreSQL URL's parameters (which may hold a password) are left out. */
    public static String redactUrl(String jdbcUrl) {
        if (jdbcUrl == null) {
            return "null";
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return "jdbc:postgresql://" + serverName(jdbcUrl);
        }
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        int pw = lower.indexOf("password");
        return pw < 0 ? jdbcUrl : jdbcUrl.substring(0, pw) + "…";
    }

    /** A write failed for want of space (H2 wraps the IOException in its own error). */
    private static boolean diskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("no space left on device")) {
                return true;
            }
        }
        return false;
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

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** {@code url} with {@code ;KEY=value} added unless it sets {@code KEY} already. */
    static String withSetting(String url, String key, String value) {
        return url.toUpperCase(Locale.ROOT).contains(";" + key + "=") ? url : url + ";" + key + "=" + value;
    }

    /** Adds AUTO_SERVER=TRUE to a file URL that does not set it (nor a conflicting mode). */
    static String withDefaults(String jdbcUrl) {
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
