package io.facecheck.cli;

import io.facecheck.store.FaceKeys;
import io.facecheck.store.KioskRegistry;
import io.facecheck.store.PgServer;
import io.facecheck.ui.AppServices;
import io.facecheck.ui.LaunchOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

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

    /**
     * A database set up with its own key file (not the default one, not FACECHECK_KEY) and one person enrolled: face
     * data sealed with that key, which no other key opens.
     */
    private static String databaseWithKey(Path dir, Path key) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("fc");
        Files.writeString(key, Base64.getEncoder().encodeToString(FaceKeys.generate()) + "\n");
        Path lfw = Path.of("src/test/resources/lfw10/Tony_Blair");
        CliRun enroll = CliRun.of("enroll", "--code", "TB", "--name", "Tony Blair",
                lfw.resolve("Tony_Blair_0001.jpg").toString(), lfw.resolve("Tony_Blair_0002.jpg").toString(),
                "--db", url, "--key-file", key.toString());
        assertThat(enroll.exit()).as(enroll.err()).isZero();
        return url;
    }

    private static Path otherKey(Path dir) throws Exception {
        return Files.writeString(dir.resolve("other.key"), Base64.getEncoder().encodeToString(FaceKeys.generate()) + "\n");
    }

    /** Issue 17, item 10: the windows take the database commands' --key-file; a wrong key fails before any window. */
    @Test
    @Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a key wrongly accepted opens a window
    void kioskAndAdminRefuseAWrongKeyFileGivenOnTheCommandLineNamingIt(@TempDir Path tmp) throws Exception {
        String url = databaseWithKey(tmp, tmp.resolve("site.key"));
        Path wrong = otherKey(tmp);
        for (String[] window : new String[][] {{"kiosk", "--camera", "dir:/nowhere"}, {"admin"}}) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(window));
            args.addAll(java.util.List.of("--db", url, "--key-file", wrong.toString()));
            CliRun r = CliRun.of(args.toArray(String[]::new));
            // the key file given reached the database: it is the one named as wrong
            assertThat(r.exit()).as(window[0] + ": " + r.err()).isEqualTo(ExitCodes.DATABASE);
            assertThat(r.err()).contains("wrong or missing key (" + wrong.toAbsolutePath() + ")");
        }
    }

    /** Issue 17, item 10: the right key file, parsed from the command line, opens the window's services. */
    @Test
    void theKeyFileParsedFromKioskAndAdminReachesTheWindowsServices(@TempDir Path tmp) throws Exception {
        Path key = tmp.resolve("site.key");
        String url = databaseWithKey(tmp, key);
        for (String window : new String[] {"kiosk", "admin"}) {
            CommandLine.ParseResult parsed = new CommandLine(new FaceCheckCommand())
                    .parseArgs(window, "--db", url, "--key-file", key.toString());
            LaunchOptions options = ((WindowCommand) parsed.subcommand().commandSpec().userObject()).launchOptions();
            try (AppServices services = AppServices.open(tmp.resolve("user.properties"), options)) {
                assertThat(services.settings().security().keyFile()).isEqualTo(key.toAbsolutePath());
                assertThat(services.settings().database().url()).isEqualTo(url);
            }
        }
    }

    /** Issue 17, item 10: {@code kiosks} showed version "dev" for a kiosk while {@code -V} said 0.1.0. */
    @Test
    void theKioskHeartbeatReportsTheVersionThatDashCapitalVPrints(@TempDir Path tmp) throws Exception {
        CliRun v = CliRun.of("-V");
        assertThat(v.exit()).isZero();
        assertThat(v.out().strip()).matches("FaceCheck \\d+\\.\\d+\\.\\d+.*");
        LaunchOptions kiosk = new LaunchOptions(LaunchOptions.Screen.KIOSK, null, false, "hall",
                "jdbc:h2:file:" + tmp.resolve("fc"), null, tmp.resolve("site.key").toString());
        try (AppServices services = AppServices.open(tmp.resolve("user.properties"), kiosk)) {
            services.startHeartbeat(() -> 0);
            KioskRegistry registry = new KioskRegistry(services.backend().database());
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (registry.list().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(registry.list()).singleElement().satisfies(k ->
                    assertThat("FaceCheck " + k.version()).isEqualTo(v.out().strip()));
        }
    }
}
