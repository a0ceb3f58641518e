package io.facecheck.api;

import io.facecheck.store.StoreKind;

/** {@link ApiServerTest} on a real PostgreSQL server. */
class ApiServerPostgresTest extends ApiServerTest {
    @Override
    StoreKind kind() {
        return StoreKind.POSTGRESQL;
    }
}
