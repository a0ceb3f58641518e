package io.facecheck.attendance;

import io.facecheck.store.PgServer;
import io.facecheck.store.StoreKind;

/** {@link ReportsTest} on a real PostgreSQL server ({@link PgServer}). */
class ReportsPostgresTest extends ReportsTest {
    @Override
    StoreKind store() {
        return StoreKind.POSTGRESQL;
    }
}
