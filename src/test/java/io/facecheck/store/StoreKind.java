package io.facecheck.store;

import java.nio.file.Path;

/**
 * The two stores the store and attendance suites run on: a real H2 file in the test's temporary folder, and a
 * fresh database on the real PostgreSQL server of {@link PgServer#shared()}. A test class runs on H2; its
 * {@code …PostgresTest} subclass runs the same tests on PostgreSQL.
 */
public enum StoreKind {
    H2 {
        @Override
        public String newUrl(Path dir) {
            return "jdbc:h2:file:" + dir.resolve("fc").toAbsolutePath();
        }

        @Override
        public Database open(String url) {
            return Database.open(url);
        }
    },
    POSTGRESQL {
        @Override
        public String newUrl(Path dir) {
            return PgServer.shared().newDatabase();
        }

        @Override
        public Database open(String url) {
            return PgServer.shared().open(url);
        }
    };

    /** A new, empty database for one test ({@code dir}: the test's temporary folder). */
    public abstract String newUrl(Path dir);

    /** Opens (and migrates) the database at {@code url} with the credentials this store needs. */
    public abstract Database open(String url);
}
