package io.facecheck.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a plain {@code java} process with the test classpath. */
public final class Subprocess {
    private Subprocess() {
    }

    public static Process java(Class<?> main, String... args) throws IOException {
        return start(List.of("-Xmx256m"), main, args);
    }

    /**
     * For a helper that runs a moment and is started many times: the client compiler only and the serial collector
     * about halve the CPU a JVM spends starting up (tests run on two cores).
     */
    public static Process quickJava(Class<?> main, String... args) throws IOException {
        return start(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), main, args);
    }

    private static Process start(List<String> options, Class<?> main, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(options);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /**
     * Reads {@code p}'s output lines; after the {@code killAfter}-th line kills it with SIGKILL (on Unix: no
     * shutdown hooks, no database close), through its handle, so that what it printed before dying can still be
     * read. Returns every line it printed, and asserts it died of the signal (exit 137).
     */
    public static List<String> linesUntilKilled(Process p, int killAfter) throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>();
        BufferedReader out = stdout(p);
        try {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (lines.size() == killAfter) {
                    p.toHandle().destroyForcibly();
                    break;
                }
            }
            if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new AssertionError("the killed process did not end");
            }
            // lines already in the pipe were printed too
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
        } finally {
            p.destroyForcibly();
        }
        if (p.exitValue() != 137) {
            throw new AssertionError("expected death by SIGKILL (137), got exit " + p.exitValue());
        }
        if (lines.size() < killAfter) {
            throw new AssertionError("the process printed " + lines.size() + " lines before it ended, not " + killAfter);
        }
        return lines;
    }

    public static BufferedReader stdout(Process p) {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    }
}
