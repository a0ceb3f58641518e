package io.facecheck.cli;

import io.facecheck.store.PgServer;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kiosk} and {@code admin} open the database before the window: one that cannot be opened exits 5 with a
 * message that names the server (never the password), instead of a window that only says so. (A kiosk's server that
 * is merely unreachable opens the window, which works offline or says so and retries: see {@code KioskOfflineTest}.)
 */
class WindowCommandsTest {
    @Test
    void kioskWithAWrongPasswordExitsFiveBeforeAnyWindowAndNamesTheServerNotThePassword() {
        PgServer pg = PgServer.shared();
        String wrong = "wrong-" + pg.password();
        CliRun r = CliRun.of("kiosk", "--camera", "dir:/nowhere", "--db",
                pg.newDatabase() + "?user=" + PgServer.USER + "&password=" + wrong);
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.DATABASE);
        assertThat(r.err()).contains("PostgreSQL server 127.0.0.1:" + pg.port()).contains("wrong user or password")
                .doesNotContain(wrong);
        assertThat(r.out()).doesNotContain(wrong);
    }

    @Test
    void adminWithTheServerDownExitsFiveBeforeAnyWindowAndNamesTheServer() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // nothing listens there once closed
        }
        CliRun r = CliRun.of("admin", "--db", "jdbc:postgresql://127.0.0.1:" + port + "/facecheck");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.DATABASE);
        assertThat(r.err()).contains("cannot reach PostgreSQL server 127.0.0.1:" + port);
    }
}
