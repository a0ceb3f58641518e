package io.facecheck.cli;

import io.facecheck.app.ApiTokenService;
import io.facecheck.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** api-tokens create/list/revoke and serve's refusals, through the real command line on a real H2 file. */
class ApiCommandsTest {
    @TempDir
    Path dir;

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("fc");
    }

    @Test
    void aTokenIsPrintedOnceListedWithoutItsSecretShownUsedAndRevoked() {
        // no database yet: the first token sets it up, as for a server that only serves the API
        CliRun created = CliRun.of("api-tokens", "create", "payroll", "--scopes", "timesheets:read,events:read",
                "--db", url());
        assertThat(created.exit()).as(created.err()).isZero();
        Matcher m = Pattern.compile("fct_[A-Za-z0-9_-]+").matcher(created.out());
        assertThat(m.find()).as(created.out()).isTrue();
        String secret = m.group();

        CliRun list = CliRun.of("api-tokens", "list", "--db", url());
        assertThat(list.out()).contains("payroll").contains("events:read,timesheets:read").contains("never")
                .doesNotContain(secret).doesNotContain(secret.substring(4, 16));
        try (Database db = Database.open(url())) {
            assertThat(new ApiTokenService(db).authenticate(secret)).isPresent();
            assertThat(Files.exists(dir.resolve("fc.mv.db"))).isTrue();
        }
        assertThat(CliRun.of("api-tokens", "list", "--db", url()).out()).doesNotContain("never");

        CliRun taken = CliRun.of("api-tokens", "create", "payroll", "--scopes", "events:read", "--db", url());
        assertThat(taken.exit()).isNotZero();
        CliRun badScope = CliRun.of("api-tokens", "create", "other", "--scopes", "events:delete", "--db", url());
        assertThat(badScope.exit()).isNotZero();
        assertThat(badScope.err()).contains("events:delete").doesNotContain("Exception");

        CliRun revoked = CliRun.of("api-tokens", "revoke", "payroll", "--db", url());
        assertThat(revoked.exit()).as(revoked.err()).isZero();
        assertThat(CliRun.of("api-tokens", "list", "--db", url()).out()).contains("revoked");
        try (Database db = Database.open(url())) {
            assertThat(new ApiTokenService(db).authenticate(secret)).isEmpty();
        }
    }

    @Test
    void serveRefusesPlainHttpOnANonLoopbackAddressBeforeOpeningAnything() {
        CliRun r = CliRun.of("serve", "--host", "0.0.0.0", "--port", "0", "--db", url());
        assertThat(r.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("0.0.0.0").contains("--insecure-http").doesNotContain("Exception");
        assertThat(dir.resolve("fc.mv.db")).doesNotExist();

        CliRun half = CliRun.of("serve", "--tls-keystore", dir.resolve("k.p12").toString(), "--db", url());
        assertThat(half.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(half.err()).contains("--tls-password-file");
    }
}
