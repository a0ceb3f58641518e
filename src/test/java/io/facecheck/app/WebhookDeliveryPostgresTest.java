package io.facecheck.app;

import io.facecheck.store.StoreKind;

/** {@link WebhookDeliveryTest} on a real PostgreSQL server. */
class WebhookDeliveryPostgresTest extends WebhookDeliveryTest {
    @Override
    StoreKind store() {
        return StoreKind.POSTGRESQL;
    }
}
