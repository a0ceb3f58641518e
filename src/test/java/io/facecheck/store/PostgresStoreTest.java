package io.facecheck.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Opening the store on a real PostgreSQL server, and what goes wrong there. */
class PostgresStoreTest {
    @TempDir
    Path dir;

    @Test
    void aWrongPasswordIsRefusedNamingTheServerButNotThePassword() {
        PgServer pg = PgServer.shared();
        String url = pg.newDatabase();
        String wrong = "not-" + pg.password();
        assertThatThrownBy(() -> Database.open(url, new Database.Credentials(PgServer.USER, wrong)))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.kind()).isEqualTo(StoreException.Kind.CANNOT_OPEN);
                    assertThat(e.getMessage()).contains("127.0.0.1:" + pg.port())
                            .contains("wrong user or password")
                            .doesNotContain(wrong).doesNotContain(pg.password());
                });
    }

    @Test
    void aMissingPasswordIsReportedAsALoginProblem() {
        PgServer pg = PgServer.shared();
        String url = pg.newDatabase();
        assertThatThrownBy(() -> Database.open(url, new Database.Credentials(PgServer.USER, null)))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.kind()).isEqualTo(StoreException.Kind.CANNOT_OPEN);
                    assertThat(e.getMessage()).startsWith("cannot log in to PostgreSQL server 127.0.0.1:" + pg.port())
                            .contains("wants a password").contains("FACECHECK_DB_PASSWORD");
                });
    }

    @Test
    void aServerThatIsDownFailsWithAClearMessage() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/facecheck";
        assertThatThrownBy(() -> Database.open(url, new Database.Credentials("facecheck", "secret-pw")))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.kind()).isEqualTo(StoreException.Kind.CANNOT_OPEN);
                    assertThat(e.getMessage()).startsWith("cannot reach PostgreSQL server 127.0.0.1:" + port
                            + "/facecheck").contains("is the server running").doesNotContain("secret-pw");
                });
    }

    @Test
    void aPasswordInTheUrlStaysOutOfMessages() {
        PgServer pg = PgServer.shared();
        String url = pg.newDatabase() + "?user=" + PgServer.USER + "&password=wrong-" + pg.password();
        assertThatThrownBy(() -> Database.open(url))
                .isInstanceOf(StoreException.class)
                .hasMessageNotContaining(pg.password())
                .hasMessageContaining("wrong user or password");
    }

    @Test
    void storesTheSameSchemaAsH2() {
        PgServer pg = PgServer.shared();
        try (Database db = pg.open(pg.newDatabase())) {
            assertThat(db.vendor()).isEqualTo(Database.Vendor.POSTGRESQL);
            assertThat(db.displayName()).startsWith("PostgreSQL server 127.0.0.1:");
            int versions = db.inTransaction(c -> {
                try (var rs = c.createStatement().executeQuery(
                        "SELECT COUNT(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            try (Database h2 = Database.open(StoreKind.H2.newUrl(dir))) {
                int h2Versions = h2.inTransaction(c -> {
                    try (var rs = c.createStatement().executeQuery(
                            "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL")) {
                        rs.next();
                        return rs.getInt(1);
                    }
                });
                assertThat(versions).isEqualTo(h2Versions).isGreaterThanOrEqualTo(2);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void refusesASchemaNewerThanTheProgram(StoreKind store) {
        String url = store.newUrl(dir);
        try (Database db = store.open(url)) {
            String table = store == StoreKind.H2 ? "\"flyway_schema_history\"" : "flyway_schema_history";
            String col = store == StoreKind.H2 ? "\"%s\"" : "%s";
            db.run(c -> c.createStatement().executeUpdate("INSERT INTO " + table + " ("
                    + String.join(", ", java.util.stream.Stream.of("installed_rank", "version", "description",
                    "type", "script", "checksum", "installed_by", "execution_time", "success")
                    .map(n -> String.format(col, n)).toList())
                    + ") VALUES (999, '999', 'from the future', 'SQL', 'V999__from_the_future.sql', 0, 'test', 0, TRUE)"));
        }
        assertThatThrownBy(() -> store.open(url))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.kind()).isEqualTo(StoreException.Kind.CANNOT_OPEN);
                    assertThat(e.getMessage()).contains("schema version 999").contains("newer")
                            .contains("update this program");
                });
    }
}
