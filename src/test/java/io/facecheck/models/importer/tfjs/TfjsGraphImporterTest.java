package io.facecheck.models.importer.tfjs;

import io.facecheck.models.ModelCard;
import io.facecheck.models.Tensors;
import io.facecheck.models.TfModel;
import io.facecheck.models.TfThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The general TF.js graph-model importer on a small hand-written graph model (no npm needed): fused convolution
 * (BiasAdd + Relu) with float16 weights, an int32 reshape constant, a fused product with BiasAdd + Prelu, the input
 * scaled in the graph; results checked against arithmetic done here.
 */
class TfjsGraphImporterTest {

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** Writes model.json + weights.bin; {@code fused2} is the second fused node's op list. */
    static Path writeModel(Path dir, String fused2) throws IOException {
        String conv = "{\"name\":\"conv\",\"op\":\"_FusedConv2D\",\"input\":[\"x\",\"w\",\"b\"],\"device\":\"/device:CPU:0\","
                + "\"attr\":{\"T\":{\"type\":\"DT_FLOAT\"},\"strides\":{\"list\":{\"i\":[\"1\",\"1\",\"1\",\"1\"]}},"
                + "\"padding\":{\"s\":\"" + b64("VALID") + "\"},\"data_format\":{\"s\":\"" + b64("NHWC") + "\"},"
                + "\"dilations\":{\"list\":{\"i\":[\"1\",\"1\",\"1\",\"1\"]}},\"explicit_paddings\":{\"list\":{}},"
                + "\"use_cudnn_on_gpu\":{\"b\":true},\"num_args\":{\"i\":\"1\"},\"epsilon\":{\"f\":0},"
                + "\"fused_ops\":{\"list\":{\"s\":[\"" + b64("BiasAdd") + "\",\"" + b64("Relu") + "\"]}}}}";
        String[] ops2 = fused2.split(",");
        StringBuilder fl = new StringBuilder();
        for (String o : ops2) {
            fl.append(fl.length() == 0 ? "" : ",").append('"').append(b64(o)).append('"');
        }
        String mm = "{\"name\":\"dense\",\"op\":\"_FusedMatMul\",\"input\":[\"flat\",\"m\",\"b2\",\"alpha\"],"
                + "\"attr\":{\"T\":{\"type\":\"DT_FLOAT\"},\"transpose_a\":{\"b\":false},\"transpose_b\":{\"b\":false},"
                + "\"num_args\":{\"i\":\"2\"},\"epsilon\":{\"f\":0},\"fused_ops\":{\"list\":{\"s\":[" + fl + "]}}}}";
        String json = "{\"format\":\"graph-model\",\"generatedBy\":\"test\",\"convertedBy\":\"test\","
                + "\"signature\":{\"inputs\":{\"x\":{\"name\":\"x:0\",\"dtype\":\"DT_FLOAT\"}},"
                + "\"outputs\":{\"y\":{\"name\":\"Identity:0\",\"dtype\":\"DT_FLOAT\"}}},"
                + "\"modelTopology\":{\"node\":["
                + "{\"name\":\"w\",\"op\":\"Const\",\"attr\":{\"dtype\":{\"type\":\"DT_FLOAT\"},\"value\":{\"tensor\":{\"dtype\":\"DT_FLOAT\",\"tensorShape\":{\"dim\":[{\"size\":\"1\"},{\"size\":\"1\"},{\"size\":\"1\"},{\"size\":\"2\"}]}}}}},"
                + "{\"name\":\"b\",\"op\":\"Const\",\"attr\":{\"dtype\":{\"type\":\"DT_FLOAT\"},\"value\":{\"tensor\":{\"dtype\":\"DT_FLOAT\",\"tensorShape\":{\"dim\":[{\"size\":\"2\"}]}}}}},"
                + "{\"name\":\"shape\",\"op\":\"Const\",\"attr\":{\"dtype\":{\"type\":\"DT_INT32\"},\"value\":{\"tensor\":{\"dtype\":\"DT_INT32\",\"tensorShape\":{\"dim\":[{\"size\":\"2\"}]}}}}},"
                + "{\"name\":\"m\",\"op\":\"Const\",\"attr\":{\"dtype\":{\"type\":\"DT_FLOAT\"},\"value\":{\"tensor\":{\"dtype\":\"DT_FLOAT\",\"tensorShape\":{\"dim\":[{\"size\":\"8\"},{\"size\":\"1\"}]}}}}},"
                + "{\"name\":\"b2\",\"op\":\"Const\",\"attr\":{\"dtype\":{\"type\":\"DT_FLOAT\"},\"value\":{\"tensor\":{\"dtype\":\"DT_FLOAT\",\"tensorShape\":{\"dim\":[{\"size\":\"1\"}]}}}}},"
                + "{\"name\":\"alpha\",\"op\":\"Const\",\"attr\":{\"dtype\":{\"type\":\"DT_FLOAT\"},\"value\":{\"tensor\":{\"dtype\":\"DT_FLOAT\",\"tensorShape\":{\"dim\":[{\"size\":\"1\"}]}}}}},"
                + "{\"name\":\"x\",\"op\":\"Placeholder\",\"attr\":{\"dtype\":{\"type\":\"DT_FLOAT\"},\"shape\":{\"shape\":{\"dim\":[{\"size\":\"-1\"},{\"size\":\"2\"},{\"size\":\"2\"},{\"size\":\"1\"}]}}}},"
                + conv + ","
                + "{\"name\":\"flat\",\"op\":\"Reshape\",\"input\":[\"conv\",\"shape\"],\"attr\":{\"T\":{\"type\":\"DT_FLOAT\"},\"Tshape\":{\"type\":\"DT_INT32\"}}},"
                + mm + ","
                + "{\"name\":\"Identity\",\"op\":\"Identity\",\"input\":[\"dense\"],\"attr\":{\"T\":{\"type\":\"DT_FLOAT\"}}}"
                + "],\"versions\":{\"producer\":808}},"
                + "\"weightsManifest\":[{\"paths\":[\"weights.bin\"],\"weights\":["
                + "{\"name\":\"w\",\"shape\":[1,1,1,2],\"dtype\":\"float32\",\"quantization\":{\"dtype\":\"float16\",\"original_dtype\":\"float32\"}},"
                + "{\"name\":\"b\",\"shape\":[2],\"dtype\":\"float32\"},"
                + "{\"name\":\"shape\",\"shape\":[2],\"dtype\":\"int32\"},"
                + "{\"name\":\"m\",\"shape\":[8,1],\"dtype\":\"float32\"},"
                + "{\"name\":\"b2\",\"shape\":[1],\"dtype\":\"float32\"},"
                + "{\"name\":\"alpha\",\"shape\":[1],\"dtype\":\"float32\"}]}]}";
        ByteBuffer bin = ByteBuffer.allocate(2 * 2 + 4 * 2 + 4 * 2 + 4 * 8 + 4 + 4).order(ByteOrder.LITTLE_ENDIAN);
        bin.putShort((short) 0x3c00).putShort((short) 0xc000); // float16 1.0, -2.0
        bin.putFloat(0.5f).putFloat(3f);                        // conv bias
        bin.putInt(-1).putInt(8);                               // reshape to [-1, 8]
        for (int i = 0; i < 8; i++) {
            bin.putFloat(i % 2 == 0 ? 1f : -1f);                // m
        }
        bin.putFloat(-20f);                                     // b2
        bin.putFloat(0.25f);                                    // Prelu alpha
        Files.writeString(dir.resolve("model.json"), json);
        Files.write(dir.resolve("weights.bin"), bin.array());
        return dir.resolve("model.json");
    }

    private static ModelCard card() {
        return new ModelCard("tiny", "1", "test", "test", new ModelCard.Tensor("image", List.of(-1L, 2L, 2L, 1L),
                "float32", "NHWC", null, null, null), null, List.of(), null, null, null, null, null, null, null, null,
                null, null);
    }

    /** What the tiny graph computes, by hand, for one 2x2 input already scaled. */
    static double expected(float[] x, boolean prelu) {
        double sum = 0;
        for (int p = 0; p < 4; p++) {
            double c0 = Math.max(0, x[p] * 1.0 + 0.5);
            double c1 = Math.max(0, x[p] * -2.0 + 3);
            sum += c0 - c1; // m alternates +1, -1 over (pixel, channel)
        }
        double y = sum - 20;
        return prelu ? (y > 0 ? y : 0.25 * y) : y;
    }

    @Test
    void importsFusedOpsFloat16WeightsAndScalesTheInput(@TempDir Path dir) throws IOException {
        Path json = writeModel(dir, "BiasAdd,Prelu");
        Path out = dir.resolve("models").resolve("tiny");
        TfjsGraphImporter.write(json, out, new TfjsGraphImporter.Input("x", "image", 0.5f), Map.of("y", "y"), card());
        assertThat(out.resolve("saved_model.pb")).exists();
        assertThat(ModelCard.read(out.resolve("model.json")).files()).containsKey("saved_model.pb");
        float[] batch = {2, 4, 6, 8, 20, 30, 40, 50};
        try (TfModel m = TfModel.load(out, TfThreads.DEFAULT);
             TFloat32 in = Tensors.floats(batch, 2, 2, 2, 1);
             Result r = m.run(in)) {
            float[] y = Tensors.read(Tensors.output(r, "y", m));
            assertThat(y).hasSize(2);
            assertThat((double) y[0]).isCloseTo(expected(new float[]{1, 2, 3, 4}, true), within(1e-5));
            assertThat((double) y[1]).isCloseTo(expected(new float[]{10, 15, 20, 25}, true), within(1e-5));
            assertThat(y[0]).isNegative(); // the Prelu's negative side was exercised
            assertThat(y[1]).isPositive();
        }
    }

    @Test
    void sameInputGivesTheSameSavedModelBytes(@TempDir Path dir) throws IOException {
        Path json = writeModel(dir, "BiasAdd,Prelu");
        TfjsGraphImporter.write(json, dir.resolve("a"), new TfjsGraphImporter.Input("x", "image", 0.5f), Map.of("y", "y"), card());
        TfjsGraphImporter.write(json, dir.resolve("b"), new TfjsGraphImporter.Input("x", "image", 0.5f), Map.of("y", "y"), card());
        assertThat(Files.readAllBytes(dir.resolve("a/saved_model.pb"))).isEqualTo(Files.readAllBytes(dir.resolve("b/saved_model.pb")));
    }

    @Test
    void refusesAFusionItCannotWriteOutAndLeavesNoFolder(@TempDir Path dir) throws IOException {
        Path json = writeModel(dir, "BiasAdd,FusedBatchNorm");
        Path out = dir.resolve("tiny");
        assertThatThrownBy(() -> TfjsGraphImporter.write(json, out, new TfjsGraphImporter.Input("x", "image", 1f),
                Map.of("y", "y"), card()))
                .isInstanceOf(IOException.class).hasMessageContaining("dense").hasMessageContaining("FusedBatchNorm");
        assertThat(out).doesNotExist();
    }

    @Test
    void missingShardOrWrongFormatAreNamed(@TempDir Path dir) throws IOException {
        Path json = writeModel(dir, "BiasAdd,Prelu");
        Files.delete(dir.resolve("weights.bin"));
        assertThatThrownBy(() -> TfjsGraphModel.read(json))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("weights.bin");
        Files.writeString(json, "{\"format\":\"layers-model\"}");
        assertThatThrownBy(() -> TfjsGraphModel.read(json))
                .isInstanceOf(IOException.class).hasMessageContaining("not a TF.js graph model");
        assertThatThrownBy(() -> TfjsGraphModel.read(dir.resolve("nothing.json")))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("nothing.json");
    }

    @Test
    void unknownSignatureNamesAreRefused(@TempDir Path dir) throws IOException {
        Path json = writeModel(dir, "BiasAdd,Prelu");
        assertThatThrownBy(() -> TfjsGraphImporter.write(json, dir.resolve("t"), new TfjsGraphImporter.Input("input", "image", 1f),
                Map.of("y", "y"), card())).isInstanceOf(IOException.class).hasMessageContaining("no input 'input'");
        assertThatThrownBy(() -> TfjsGraphImporter.write(json, dir.resolve("t"), new TfjsGraphImporter.Input("x", "image", 1f),
                Map.of("y", "logits"), card())).isInstanceOf(IOException.class).hasMessageContaining("no output 'logits'");
    }
}
