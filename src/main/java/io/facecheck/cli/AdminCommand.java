package io.facecheck.cli;

import io.facecheck.ui.LaunchOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code facecheck admin [--db URL] [--key-file FILE]}: opens the admin login. */
@Command(name = "admin", mixinStandardHelpOptions = true)
final class AdminCommand implements WindowCommand {
    @Mixin
    StoreOptions store;

    @Override
    public LaunchOptions launchOptions() {
        return new LaunchOptions(LaunchOptions.Screen.ADMIN, null, false, null, store.databaseUrl(), null,
                store.keyFilePath());
    }
}
