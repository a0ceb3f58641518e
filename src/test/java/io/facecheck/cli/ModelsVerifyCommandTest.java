package io.facecheck.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 2's acceptance: every shipped model verifies, and a corrupted file is caught with a clear message. */
class ModelsVerifyCommandTest {

    @Test
    void allEightShippedModelsVerify() {
        CliRun r = CliRun.of("models", "verify");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        for (String name : new String[] {"pnet", "rnet", "onet", "mobilefacenet", "anti-spoofing", "ssd-mobilenetv1",
                "landmark68", "face-recognition-resnet"}) {
            assertThat(r.out()).containsPattern("OK +" + name + " ");
        }
    }

    @Test
    void aCorruptedModelFileFailsWithItsPathAndExitFour(@TempDir Path tmp) throws IOException {
        Path copy = tmp.resolve("models");
        copyTree(Path.of("models/onet"), copy.resolve("onet"));
        Path pb = copy.resolve("onet/saved_model.pb");
        try (RandomAccessFile f = new RandomAccessFile(pb.toFile(), "rw")) {
            f.seek(f.length() / 2);
            int b = f.read();
            f.seek(f.length() / 2);
            f.write(b ^ 0xff);
        }
        CliRun r = CliRun.of("models", "verify", "--models", copy.toString(), "--only", "onet");
        assertThat(r.exit()).isEqualTo(ExitCodes.MODEL);
        assertThat(r.out()).contains("FAILED").contains("onet").contains("saved_model.pb").contains("corrupt");
        assertThat(r.err()).contains("1 of 1 models failed");
    }

    @Test
    void aMissingModelFolderIsNamed(@TempDir Path tmp) {
        CliRun r = CliRun.of("models", "verify", "--models", tmp.toString(), "--only", "pnet");
        assertThat(r.exit()).isEqualTo(ExitCodes.MODEL);
        assertThat(r.out()).contains("FAILED").contains("pnet");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
