package io.facecheck.models.importer.faceapi;

import io.facecheck.models.ModelCard;
import io.facecheck.models.ModelNames;
import io.facecheck.testing.NpmPackages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FaceApiImporterTest {
    static final Path MODELS = Paths.get("models");

    /** Importing from the npm package gives the committed folders byte for byte. */
    @Test
    void reproducesCommittedModelsByteForByte(@TempDir Path out) throws IOException {
        Path pkg = NpmPackages.faceapi();
        assumeTrue(pkg != null, "unpacked @vladmandic/face-api@1.7.15 not found (FACECHECK_FACEAPI_PACKAGE)");
        FaceApiImporter importer = new FaceApiImporter();
        for (String name : importer.names()) {
            importer.importModel(pkg, out, name);
            for (String f : new String[] {"saved_model.pb", "model.json"}) {
                assertThat(Files.readAllBytes(out.resolve(name).resolve(f))).as(name + "/" + f)
                        .isEqualTo(Files.readAllBytes(MODELS.resolve(name).resolve(f)));
            }
        }
    }

    @Test
    void cardsCarryProvenanceAndThresholds() throws IOException {
        long total = 0;
        for (String name : new FaceApiImporter().names()) {
            ModelCard c = ModelCard.read(MODELS.resolve(name).resolve(ModelCard.FILE_NAME));
            assertThat(c.name()).isEqualTo(name);
            assertThat(c.version()).isEqualTo("face-api-1.7.15");
            assertThat(c.input().name()).isEqualTo("image");
            assertThat(c.input().channelOrder()).isEqualTo("RGB");
            assertThat(c.source().npmPackage()).isEqualTo("@vladmandic/face-api");
            assertThat(c.source().version()).isEqualTo("1.7.15");
            assertThat(c.source().sha256()).hasSize(64);
            assertThat((String) c.parameters().get("sourceManifestSha256")).hasSize(64);
            assertThat(c.license()).startsWith("MIT");
            assertThat(c.files()).containsKey("saved_model.pb");
            total += Files.size(MODELS.resolve(name).resolve("saved_model.pb"));
        }
        ModelCard resnet = ModelCard.read(MODELS.resolve(ModelNames.RESNET128).resolve(ModelCard.FILE_NAME));
        assertThat(resnet.embeddingDimension()).isEqualTo(128);
        assertThat(resnet.threshold()).isBetween(0.05, 1.0);
        assertThat(resnet.distance()).contains("squared L2");
        assertThat(resnet.reportedAccuracy()).contains("99.38");
        ModelCard ssd = ModelCard.read(MODELS.resolve(ModelNames.SSD).resolve(ModelCard.FILE_NAME));
        assertThat(ssd.threshold()).isEqualTo(0.5);
        // uint8 weights stay uint8: the three nets together stay close to the 12.4 MB of .bin files
        assertThat(total).isLessThan(14_000_000L);
    }

    @Test
    void refusesAnotherPackage(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"face-api\",\"version\":\"0.22.2\"}");
        assertThatThrownBy(() -> new FaceApiImporter().importModel(dir, dir.resolve("out"), ModelNames.SSD))
                .isInstanceOf(IOException.class).hasMessageContaining("face-api@0.22.2")
                .hasMessageContaining("@vladmandic/face-api@1.7.15");
        assertThatThrownBy(() -> new FaceApiImporter().importModel(dir.resolve("nowhere"), dir, ModelNames.SSD))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("package.json");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void missingWeightsNameTheManifest(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"@vladmandic/face-api\",\"version\":\"1.7.15\"}");
        assertThatThrownBy(() -> new FaceApiImporter().importModel(dir, dir.resolve("out"), ModelNames.LANDMARK68))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("face_landmark_68_model-weights_manifest.json");
    }
}
