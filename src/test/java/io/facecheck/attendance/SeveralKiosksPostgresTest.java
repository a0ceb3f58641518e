package io.facecheck.attendance;

import io.facecheck.store.PgServer;
import io.facecheck.store.StoreKind;

/** {@link SeveralKiosksTest} on a real PostgreSQL server ({@link PgServer}). */
class SeveralKiosksPostgresTest extends SeveralKiosksTest {
    @Override
    StoreKind store() {
        return StoreKind.POSTGRESQL;
    }
}
