package io.facecheck.models;

import io.facecheck.models.importer.ImportSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SavedModelRoundTripTest {

    @Test
    void exportedGraphLoadsAndComputesTheSameFunction(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("double");
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 2)));
            var y = tf.math.mul(x, tf.constant(2f));
            SavedModels.export(s, dir, Map.of("x", x), Map.of("y", y));
        }
        ImportSupport.writeCard(dir, new ModelCard("double", "1", "test", null,
                new ModelCard.Tensor("x", List.of(-1L, 2L), "float32", null, null, null, null), null,
                List.of(new ModelCard.Tensor("y", List.of(-1L, 2L), "float32", null, null, null, "2x")),
                null, null, null, null, null, null, null, null, null, null));

        try (TfModel m = TfModel.load(dir, TfThreads.DEFAULT);
             TFloat32 in = TFloat32.tensorOf(StdArrays.ndCopyOf(new float[][] {{1, 2}, {3, 4}}));
             Result r = m.run(in)) {
            TFloat32 out = (TFloat32) r.get("y").orElseThrow();
            assertThat(out.getFloat(1, 1)).isEqualTo(8f);
            assertThat(m.card().files()).containsKey("saved_model.pb");
        }
    }
}
