package io.facecheck.models;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Issue 17, item 1: the one place every network is loaded checks its files against the card first. */
class DamagedModelLoadTest {

    @Test
    void theLoaderRefusesADamagedFileNamingItAndBothChecksums(@TempDir Path tmp) throws Exception {
        Path dir = ModelCopies.copy(tmp, ModelNames.MOBILEFACENET);
        Path pb = dir.resolve(ModelNames.MOBILEFACENET).resolve("saved_model.pb");
        String expected = ModelCard.read(dir.resolve(ModelNames.MOBILEFACENET).resolve(ModelCard.FILE_NAME))
                .files().get("saved_model.pb");
        ModelCopies.damage(pb);
        String actual = Sha256.of(pb);

        try (Models models = new Models(dir, TfThreads.DEFAULT)) {
            ModelException e = catchThrowableOfType(() -> models.get(ModelNames.MOBILEFACENET), ModelException.class);
            assertThat(e).as("a damaged model must not load").isNotNull();
            assertThat(e.getMessage()).contains(pb.toAbsolutePath().toString(), expected, actual, "corrupt");
        }
    }
}
