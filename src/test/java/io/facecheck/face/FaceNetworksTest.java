package io.facecheck.face;

import io.facecheck.models.ModelNames;
import io.facecheck.models.Models;
import io.facecheck.models.TfThreads;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one list of detectors and embedders: each entry loads what it says, from the networks it names. */
class FaceNetworksTest {
    private static Models models;

    @BeforeAll
    static void open() {
        models = new Models(Path.of("models"), TfThreads.DEFAULT);
    }

    @AfterAll
    static void close() {
        models.close();
    }

    @Test
    void everyDetectorLoadsUnderItsOwnNameFromShippedNetworks() {
        assertThat(FaceNetworks.detectorNames()).doesNotHaveDuplicates().startsWith("mtcnn");
        for (FaceNetworks.Detector d : FaceNetworks.DETECTORS) {
            assertThat(ModelNames.ALL).containsAll(d.models());
            assertThat(d.loader().load(models, 40).name()).isEqualTo(d.name());
        }
    }

    @Test
    void everyEmbedderLoadsUnderItsOwnNameFromItsNetwork() {
        assertThat(FaceNetworks.embedderNames()).doesNotHaveDuplicates().startsWith("mobilefacenet");
        for (FaceNetworks.Embedder e : FaceNetworks.EMBEDDERS) {
            assertThat(ModelNames.ALL).contains(e.model());
            FaceEmbedder loaded = e.loader().apply(models);
            assertThat(loaded.name()).isEqualTo(e.name());
        }
    }

    @Test
    void namesAreFoundInAnyCaseAndAnUnknownDetectorIsRefusedWithTheChoices() {
        assertThat(FaceNetworks.detector("SSD")).map(FaceNetworks.Detector::name).hasValue("ssd");
        assertThat(FaceNetworks.embedder("no-such")).isEmpty();
        assertThatThrownBy(() -> FaceEngine.open(FaceEngine.Options.defaults().withModelsDir(Path.of("models"))
                .withDetector("yolo")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown detector 'yolo'").hasMessageContaining("mtcnn, ssd");
    }
}
