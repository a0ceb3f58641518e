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
    void verboseShowsTensorFlowsLines() throws Exception {
        CliProcess verify = CliProcess.run(dir, Map.of(), "verify", "--verbose", A, B);
        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(verify.err()).contains("tensorflow/cc/saved_model/loader.cc", "MLIR V1 optimization pass");
        CliProcess before = CliProcess.run(dir, Map.of(), "--verbose", "verify", A, B);
        assertThat(before.exit()).as(before.err()).isZero();
        assertThat(before.err()).contains("tensorflow/cc/saved_model/loader.cc", "MLIR V1 optimization pass");
    }
}
