package io.facecheck.attendance;

import io.facecheck.store.PgServer;
import io.facecheck.store.StoreKind;

/** {@link CheckInRecorderTest} on a real PostgreSQL server ({@link PgServer}). */
class CheckInRecorderPostgresTest extends CheckInRecorderTest {
    @Override
    StoreKind store() {
        return StoreKind.POSTGRESQL;
    }
}
