package io.facecheck.api;

import io.facecheck.store.StoreKind;

/** {@link ApiBadInputTest} on a real PostgreSQL server. */
class ApiBadInputPostgresTest extends ApiBadInputTest {
    @Override
    StoreKind kind() {
        return StoreKind.POSTGRESQL;
    }
}
