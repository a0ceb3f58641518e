package io.facecheck.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain command prints its answer and FaceCheck's own messages, nothing else: TensorFlow's start-up lines (its
 * own logging and Abseil's) appear only with {@code --verbose}. The real command line in its own JVM, real models.
 */
class QuietCommandLineTest {
    private static final String A = "src/test/resources/lfw10/Tony_Blair/Tony_Blair_0001.jpg";
    private static final String B = "src/test/resources/lfw10/Tony_Blair/Tony_Blair_0002.jpg";

    @TempDir
    Path dir;

    @Test
    void verifyPrintsNoTensorFlowLogLines() throws Exception {
        CliProcess verify = CliProcess.run(dir, Map.of(), "verify", A, B);
        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("SAME PERSON");
        assertThat(verify.err()).isEmpty();
    }

    @Test
    void enrollAndIdentifyOnADatabasePrintNothingOnStderr() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("fc");
        String key = dir.resolve("facecheck.key").toString();
        CliProcess enroll = CliProcess.run(dir, Map.of(), "enroll", "--db", db, "--key-file", key, "--code", "TB",
                "--name", "Tony", A);
        assertThat(enroll.exit()).as(enroll.err()).isZero();
        assertThat(enroll.err()).isEmpty();
        CliProcess identify = CliProcess.run(dir, Map.of(), "identify", "--db", db, "--key-file", key, B);
        assertThat(identify.exit()).as(identify.err()).isZero();
        assertThat(identify.out()).contains("TB (Tony)");
        // neither TensorFlow's lines nor SLF4J's own notes (e.g. about logging calls replayed at start-up)
        assertThat(identify.err()).isEmpty();
    }

    @Test
    void verboseShowsTensorFlowsLines() throws Exception {
        CliProcess verify = CliProcess.run(dir, Map.of(), "verify", "--verbose", A, B);
        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(verify.err()).contains("tensorflow/cc/saved_model/loader.cc", "MLIR V1 optimization pass");
        CliProcess before = CliProcess.run(dir, Map.of(), "--verbose", "verify", A, B);
        assertThat(before.exit()).as(before.err()).isZero();
        assertThat(before.err()).contains("tensorflow/cc/saved_model/loader.cc", "MLIR V1 optimization pass");
    }
}
