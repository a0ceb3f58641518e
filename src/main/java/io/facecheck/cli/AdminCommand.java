package io.facecheck.cli;

import io.facecheck.ui.LaunchOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code facecheck admin [--db URL]}: opens the admin login. */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Open the admin screens (login; the first run asks to create an admin user).")
final class AdminCommand implements Runnable {
    @Option(names = "--db", paramLabel = "URL", description = "JDBC URL of the database (default: configured).")
    String db;

    @Override
    public void run() {
        AppLaunch.open(new LaunchOptions(LaunchOptions.Screen.ADMIN, null, false, null, db));
    }
}
