package io.facecheck.store;

/** {@link FaceKeyRingTest} with the face data on a real PostgreSQL server ({@link PgServer}). */
class FaceKeyRingPostgresTest extends FaceKeyRingTest {
    @Override
    StoreKind store() {
        return StoreKind.POSTGRESQL;
    }
}
