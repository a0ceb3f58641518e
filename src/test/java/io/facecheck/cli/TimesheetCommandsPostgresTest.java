package io.facecheck.cli;

import io.facecheck.store.PgServer;
import io.facecheck.store.StoreKind;

/** {@link TimesheetCommandsTest} on a real PostgreSQL server, the login given in the --db URL. */
class TimesheetCommandsPostgresTest extends TimesheetCommandsTest {
    @Override
    StoreKind store() {
        return StoreKind.POSTGRESQL;
    }

    @Override
    String cliDb() {
        return url + "?user=" + PgServer.USER + "&password=" + PgServer.shared().password();
    }
}
