package io.facecheck.store;

/** {@link TimesheetRepositoriesTest} on a real PostgreSQL server ({@link PgServer}). */
class TimesheetRepositoriesPostgresTest extends TimesheetRepositoriesTest {
    @Override
    StoreKind store() {
        return StoreKind.POSTGRESQL;
    }
}
