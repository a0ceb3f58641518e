package io.facecheck.cli;

import io.facecheck.Main;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code facecheck} started as its own JVM, as a user's shell would start it: {@link Main} with the test
 * classpath, the locale and the logging options of the test's choosing (none inherited from the build), the data
 * and settings folders in {@code dir}. Its output is kept as bytes, so that tests can check their encoding.
 */
record CliProcess(int exit, byte[] outBytes, byte[] errBytes) {

    /** Variables the child never inherits: they would change its locale, its logging or the JVM's own output. */
    private static final List<String> CLEARED = List.of("LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "LC_MESSAGES",
            "FACECHECK_LOG", "TF_CPP_MIN_LOG_LEVEL", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    String out() {
        return new String(outBytes, StandardCharsets.UTF_8);
    }

    String err() {
        return new String(errBytes, StandardCharsets.UTF_8);
    }

    static CliProcess run(Path dir, Map<String, String> env, String... args) throws Exception {
        return run(dir, env, 180, args);
    }

    /** As {@link #run(Path, Map, String...)}, for a command that runs longer than three minutes by design. */
    static CliProcess run(Path dir, Map<String, String> env, int timeoutSeconds, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        CLEARED.forEach(pb.environment()::remove);
        pb.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        pb.environment().put("FACECHECK_HOME", dir.resolve("home").toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("facecheck " + String.join(" ", args) + " did not finish");
        }
        return new CliProcess(p.exitValue(), Files.readAllBytes(out), Files.readAllBytes(err));
    }
}
