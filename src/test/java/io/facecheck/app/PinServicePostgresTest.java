package io.facecheck.app;

import io.facecheck.store.StoreKind;

/** {@link PinServiceTest} on a real PostgreSQL server ({@code PgServer}). */
class PinServicePostgresTest extends PinServiceTest {
    @Override
    StoreKind store() {
        return StoreKind.POSTGRESQL;
    }
}
