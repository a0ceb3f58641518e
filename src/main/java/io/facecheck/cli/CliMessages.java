package io.facecheck.cli;

import io.facecheck.config.Messages;

/**
 * The human lines of the commands, in the user's language ({@code cli.*} keys): results on stdout, notes and
 * warnings on stderr after {@code facecheck: } as the errors. JSON output never comes through here.
 */
final class CliMessages {
    private CliMessages() {
    }

    /** A line of the command's answer. */
    static void out(String key, Object... args) {
        System.out.println(Messages.get(key, args));
    }

    /** A note or warning on stderr. */
    static void warn(String key, Object... args) {
        System.err.println("facecheck: " + Messages.get(key, args));
    }
}
