package io.facecheck.cli;

import io.facecheck.config.Messages;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code "cli.…"} key the code names exists in the English bundle (the completeness test then holds the
 * translations to it): a typo would print {@code !key!} on the one error path nobody tried.
 */
class CliMessageKeysTest {
    /** A whole key in quotes; a prefix the code completes ({@code "cli.checkin.liveness." + code}) ends in a dot. */
    private static final Pattern KEY = Pattern.compile("\"(cli\\.[A-Za-z0-9_.-]*[A-Za-z0-9_-])\"");

    @Test
    void everyKeyTheCodeNamesIsInTheBundle() throws IOException {
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(f));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        List<String> keys = Messages.keys();
        assertThat(named).as("keys named in src/main/java").hasSizeGreaterThan(100);
        assertThat(named).filteredOn(k -> !keys.contains(k)).as("named but missing from messages.properties").isEmpty();
    }
}
