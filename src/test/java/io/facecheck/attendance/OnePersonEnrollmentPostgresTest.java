package io.facecheck.attendance;

import io.facecheck.store.PgServer;
import io.facecheck.store.StoreKind;

/** {@link OnePersonEnrollmentTest} on a real PostgreSQL server ({@link PgServer}). */
class OnePersonEnrollmentPostgresTest extends OnePersonEnrollmentTest {
    @Override
    StoreKind store() {
        return StoreKind.POSTGRESQL;
    }
}
