package io.facecheck.cli;

import io.facecheck.models.ModelCopies;
import io.facecheck.models.ModelNames;
import io.facecheck.store.Database;
import io.facecheck.store.FaceKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, item 1: a damaged network is refused before it is used. With four bytes of MobileFaceNet overwritten,
 * {@code verify} called Tony Blair and Colin Powell the same person (distance 0.15) and exited 0.
 */
class DamagedModelCommandTest {
    private static final Path LFW = Path.of("src/test/resources/lfw10");

    @Test
    void verifyWithADamagedEmbedderExitsFourNamingTheFile(@TempDir Path tmp) throws Exception {
        Path models = ModelCopies.copy(tmp.resolve("models"),
                ModelNames.PNET, ModelNames.RNET, ModelNames.ONET, ModelNames.MOBILEFACENET);
        Path pb = models.resolve(ModelNames.MOBILEFACENET).resolve("saved_model.pb");
        ModelCopies.damage(pb);

        CliRun r = CliRun.of("verify", "--models", models.toString(),
                LFW.resolve("Tony_Blair/Tony_Blair_0001.jpg").toString(),
                LFW.resolve("Colin_Powell/Colin_Powell_0001.jpg").toString());

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.MODEL);
        assertThat(r.err()).contains(pb.toAbsolutePath().toString()).contains("corrupt");
        assertThat(r.out()).doesNotContain("SAME PERSON");
    }

    /**
     * Issue 21, item 3: a model file damaged while the kiosk runs is found at the next look: {@code status} names the
     * file and the checksum mismatch, exit 4.
     */
    @Test
    void statusNamesTheDamagedModelFileAndExitsFour(@TempDir Path tmp) throws Exception {
        Path models = ModelCopies.copy(tmp.resolve("models"),
                ModelNames.PNET, ModelNames.RNET, ModelNames.ONET, ModelNames.MOBILEFACENET);
        Path pb = models.resolve(ModelNames.MOBILEFACENET).resolve("saved_model.pb");
        ModelCopies.damage(pb);

        String url = "jdbc:h2:file:" + tmp.resolve("fc");
        Database.open(url, FaceKeys.file(tmp.resolve("site.key"))).close(); // a healthy database: only the model fails
        CliRun r = CliRun.of("status", "--db", url, "--key-file", tmp.resolve("site.key").toString(),
                "--models", models.toString());

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.MODEL);
        assertThat(r.err()).contains("models: ").contains(pb.toAbsolutePath().toString()).containsIgnoringCase("sha-256");
    }
}
