package io.facecheck.cli;

import io.facecheck.config.Messages;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /**
     * No sentence a person reads is hard-coded in {@code cli}: no {@code new CliException(code, "literal")} (use
     * {@link CliException#of}) and no {@code System.out/err} print with English words in its literal (use
     * {@link CliMessages} or {@code Messages.get}); bundle keys, {@code map.get("field")} and {@code equals("word")} are not text. A format of only placeholders and symbols passes; the few
     * machine lines (JSON, field=value) are allowed by file and text below.
     */
    @Test
    void noHardCodedHumanLineIsLeftInTheCommands() throws IOException {
        Pattern literalError = Pattern.compile("new CliException\\([^;]*?\"");
        Pattern print = Pattern.compile("System\\.(out|err)\\.(println|printf|print|format)\\(([^;]*);", Pattern.DOTALL);
        Pattern literal = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
        Pattern words = Pattern.compile("[A-Za-z]{3,}");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src", "main", "java", "io", "facecheck", "cli"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String name = f.getFileName().toString();
                String src = Files.readString(f);
                Matcher e = literalError.matcher(src);
                while (e.find()) {
                    if (!name.equals("CliException.java")) {
                        found.add(name + ": " + e.group());
                    }
                }
                Matcher p = print.matcher(src);
                while (p.find()) {
                    Matcher l = literal.matcher(p.group(3));
                    while (l.find()) {
                        String text = l.group(1).replaceAll("%[-#+ 0,(]*\\d*(\\.\\d+)?[a-zA-Z%]", "");
                        String before = p.group(3).substring(0, l.start());
                        boolean keyOrField = KEY.matcher(l.group()).matches() || before.endsWith("get(") || before.endsWith("equals(");
                        if (words.matcher(text).find() && !keyOrField
                                && !MACHINE_LINES.contains(name + ": " + l.group(1))) {
                            found.add(name + ": " + l.group());
                        }
                    }
                }
            }
        }
        assertThat(found).as("hard-coded human lines in cli (put them in the bundles)").isEmpty();
    }

    /** Output for programs, the same in every language: DetectCommand's field=value line and CliMessages' prefix. */
    private static final Set<String> MACHINE_LINES = Set.of(
            "DetectCommand.java:   #%d box x=%.0f y=%.0f w=%.0f h=%.0f score=%.3f quality=%s%n",
            "CliMessages.java: facecheck: ");
}
