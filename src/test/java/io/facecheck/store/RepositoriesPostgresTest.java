package io.facecheck.store;

/** {@link RepositoriesTest} on a real PostgreSQL server ({@link PgServer}). */
class RepositoriesPostgresTest extends RepositoriesTest {
    @Override
    StoreKind store() {
        return StoreKind.POSTGRESQL;
    }
}
