package io.facecheck.models.importer.faceapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class TfjsWeightsTest {

    @Test
    void decodesUint8Float16Float32AndInt32LikeTfjs(@TempDir Path dir) throws IOException {
        // codes 0, 1, 255 with scale/min; one float16 pair; one float32; one int32 quantised
        String manifest = "[{\"paths\":[\"w.bin\"],\"weights\":["
                + "{\"name\":\"q\",\"shape\":[3],\"dtype\":\"float32\",\"quantization\":{\"dtype\":\"uint8\",\"scale\":0.1,\"min\":-1.0}},"
                + "{\"name\":\"h\",\"shape\":[2],\"dtype\":\"float32\",\"quantization\":{\"dtype\":\"float16\"}},"
                + "{\"name\":\"f\",\"shape\":[1,1],\"dtype\":\"float32\"},"
                + "{\"name\":\"i\",\"shape\":[],\"dtype\":\"int32\",\"quantization\":{\"dtype\":\"uint8\",\"scale\":1,\"min\":3072}}]}]";
        Files.writeString(dir.resolve("m.json"), manifest);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(3 + 4 + 4 + 1).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0).put((byte) 1).put((byte) 255);
        b.putShort((short) 0x3c00).putShort((short) 0xc100); // 1.0, -2.5
        b.putFloat(0.125f);
        b.put((byte) 0);
        Files.write(dir.resolve("w.bin"), b.array());
        TfjsWeights w = TfjsWeights.read(dir.resolve("m.json"));
        assertThat(w.floats("q")).containsExactly((float) (0 * 0.1 - 1.0), (float) (1 * 0.1 - 1.0), (float) (255 * 0.1 - 1.0));
        assertThat(w.floats("h")).containsExactly(1.0f, -2.5f);
        assertThat(w.floats("f")).containsExactly(0.125f);
        assertThat(w.floats("i")).containsExactly(3072f);
        assertThat(TfjsWeights.halfToFloat((short) 0x0001)).isEqualTo(0x1p-24f);
        assertThat(TfjsWeights.halfToFloat((short) 0x7bff)).isEqualTo(65504f);
    }

    @Test
    void truncatedShardIsReportedWithTheWeightName(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("m.json"), "[{\"paths\":[\"w.bin\"],\"weights\":["
                + "{\"name\":\"conv/filters\",\"shape\":[4],\"dtype\":\"float32\"}]}]");
        Files.write(dir.resolve("w.bin"), new byte[6]);
        assertThatThrownBy(() -> TfjsWeights.read(dir.resolve("m.json")))
                .isInstanceOf(IOException.class).hasMessageContaining("conv/filters").hasMessageContaining("truncated");
    }

    @Test
    void missingShardNamesTheFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("m.json"), "[{\"paths\":[\"gone.bin\"],\"weights\":[]}]");
        assertThatThrownBy(() -> TfjsWeights.read(dir.resolve("m.json")))
                .isInstanceOf(java.nio.file.NoSuchFileException.class).hasMessageContaining("gone.bin");
    }

    /** Every parameter face-api holds after loading (golden model_params.json) equals our decoding. */
    @Test
    void matchesFaceApiLoadedParameters() throws IOException {
        Path pkg = io.facecheck.testing.NpmPackages.faceapi();
        assumeTrue(pkg != null, "unpacked @vladmandic/face-api@1.7.15 not found (FACECHECK_FACEAPI_PACKAGE)");
        JsonNode nets = new ObjectMapper().readTree(
                Paths.get("src/test/resources/golden/faceapi/model_params.json").toFile()).get("nets");
        Map<String, String> files = Map.of("ssdMobilenetv1", "ssd_mobilenetv1_model",
                "faceLandmark68Net_featureExtractor", "face_landmark_68_model",
                "faceLandmark68Net_fc", "face_landmark_68_model", "faceRecognitionNet", "face_recognition_model");
        int checked = 0;
        for (Map.Entry<String, String> e : files.entrySet()) {
            JsonNode params = nets.get(e.getKey());
            assertThat(params).as(e.getKey()).isNotNull();
            TfjsWeights w = TfjsWeights.read(pkg.resolve("model").resolve(e.getValue() + "-weights_manifest.json"));
            for (JsonNode p : params) {
                float[] v = w.floats(p.get("originalPath").asText());
                double sum = 0;
                for (float x : v) {
                    sum += x;
                }
                assertThat(sum).as(p.get("originalPath").asText()).isCloseTo(p.get("sum").asDouble(),
                        org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, p.get("sumAbs").asDouble())));
                for (int i = 0; i < p.get("first").size(); i++) {
                    assertThat((double) v[i]).isEqualTo(p.get("first").get(i).asDouble());
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(300);
    }
}
