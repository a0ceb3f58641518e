package io.facecheck.models.importer.faceapi;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.image.ResizeBilinear;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three face-api 1.7.15 networks rebuilt with TensorFlow ops, op for op as face-api's TypeScript
 * computes them (sources named on each method, relative to the package's {@code src/}).
 */
final class FaceApiNets {
    /** face-api's mean RGB for the landmark and recognition nets ({@code FaceFeatureExtractor.ts}, {@code FaceRecognitionNet.ts}). */
    static final float[] MEAN_RGB = {122.782f, 117.001f, 104.298f};
    static final int SSD_INPUT = 512;
    static final int LANDMARK_INPUT = 112;
    static final int RECOGNITION_INPUT = 150;
    static final int ANCHORS = 5118;
    private static final float BN_EPSILON = 0.0010000000474974513f;

    private FaceApiNets() {
    }

    /**
     * SSD MobileNetV1 ({@code ssdMobilenetv1/SsdMobilenetv1.ts} forwardInput + outputLayer): image [N,H,W,3]
     * RGB 0..255, any H, W → zero-pad bottom/right to a square, legacy bilinear resize to 512, {@code x/127.5-1},
     * MobileNetV1 + prediction layer, anchors decoded. Outputs {@code boxes} [N,5118,4] (ymin,xmin,ymax,xmax
     * relative to the padded square) and {@code scores} [N,5118] (sigmoid of class 1).
     */
    static Map<String, Operand<TFloat32>> ssd(TfjsGraph g, Operand<TFloat32> image) {
        Ops tf = g.tf;
        // padToSquare(img, false): zeros appended after the image on the shorter axis
        Operand<TInt32> shape = tf.shape(image);
        Operand<TInt32> h = tf.squeeze(tf.slice(shape, g.ints(1), g.ints(1)));
        Operand<TInt32> w = tf.squeeze(tf.slice(shape, g.ints(2), g.ints(1)));
        Operand<TInt32> side = tf.math.maximum(h, w);
        Operand<TInt32> zero = tf.constant(0);
        Operand<TInt32> paddings = tf.reshape(tf.stack(List.of(zero, zero, zero, tf.math.sub(side, h),
                zero, tf.math.sub(side, w), zero, zero)), g.ints(4, 2));
        Operand<TFloat32> square = tf.pad(image, paddings, g.c(0f));
        Operand<TFloat32> resized = tf.image.resizeBilinear(square, g.ints(SSD_INPUT, SSD_INPUT),
                ResizeBilinear.alignCorners(false), ResizeBilinear.halfPixelCenters(false));
        Operand<TFloat32> x = tf.math.sub(tf.math.div(resized, g.c(127.5f)), g.c(1f));

        // mobileNetV1.ts
        Operand<TFloat32> out = pointwise(g, x, "MobilenetV1/Conv2d_0_pointwise", 2, "SAME");
        Operand<TFloat32> conv11 = null;
        for (int i = 1; i <= 13; i++) {
            int stride = (i == 2 || i == 4 || i == 6 || i == 12) ? 2 : 1;
            String p = "MobilenetV1/Conv2d_" + i + "_depthwise";
            out = g.depthwise(out, p + "/depthwise_weights", stride);
            out = batchNorm(g, out, p + "/BatchNorm");
            out = g.relu6(out);
            out = pointwise(g, out, "MobilenetV1/Conv2d_" + i + "_pointwise", 1, "SAME");
            if (i == 11) {
                conv11 = out;
            }
        }
        // predictionLayer.ts
        Operand<TFloat32> c0 = pointwise(g, out, "Prediction/Conv2d_0_pointwise", 1, "SAME");
        Operand<TFloat32> c1 = pointwise(g, c0, "Prediction/Conv2d_1_pointwise", 2, "SAME");
        Operand<TFloat32> c2 = pointwise(g, c1, "Prediction/Conv2d_2_pointwise", 1, "SAME");
        Operand<TFloat32> c3 = pointwise(g, c2, "Prediction/Conv2d_3_pointwise", 2, "SAME");
        Operand<TFloat32> c4 = pointwise(g, c3, "Prediction/Conv2d_4_pointwise", 1, "SAME");
        Operand<TFloat32> c5 = pointwise(g, c4, "Prediction/Conv2d_5_pointwise", 2, "SAME");
        Operand<TFloat32> c6 = pointwise(g, c5, "Prediction/Conv2d_6_pointwise", 1, "SAME");
        Operand<TFloat32> c7 = pointwise(g, c6, "Prediction/Conv2d_7_pointwise", 2, "SAME");
        List<Operand<TFloat32>> maps = List.of(conv11, out, c1, c3, c5, c7);
        List<Operand<TFloat32>> enc = new ArrayList<>();
        List<Operand<TFloat32>> cls = new ArrayList<>();
        for (int i = 0; i < maps.size(); i++) {
            String p = "Prediction/BoxPredictor_" + i;
            enc.add(tf.reshape(convBias(g, maps.get(i), p + "/BoxEncodingPredictor"), batchReshape(g, maps.get(i), 4)));
            cls.add(tf.reshape(convBias(g, maps.get(i), p + "/ClassPredictor"), batchReshape(g, maps.get(i), 3)));
        }
        Operand<TFloat32> encodings = tf.concat(enc, tf.constant(1)); // [N,5118,4]
        Operand<TFloat32> logits = tf.concat(cls, tf.constant(1));    // [N,5118,3]

        // outputLayer.ts: decode against the anchors (weight Output/extra_dim [1,5118,4])
        Operand<TFloat32> anchors = tf.reshape(g.w("Output/extra_dim"), g.ints(ANCHORS, 4));
        List<Operand<TFloat32>> a = unstack(tf, anchors, 4, 1);
        Operand<TFloat32> ha = tf.math.sub(a.get(2), a.get(0));
        Operand<TFloat32> wa = tf.math.sub(a.get(3), a.get(1));
        Operand<TFloat32> yca = tf.math.add(a.get(0), tf.math.div(ha, g.c(2f)));
        Operand<TFloat32> xca = tf.math.add(a.get(1), tf.math.div(wa, g.c(2f)));
        List<Operand<TFloat32>> e = unstack(tf, encodings, 4, 2);
        Operand<TFloat32> halfH = tf.math.div(tf.math.mul(tf.math.exp(tf.math.div(e.get(2), g.c(5f))), ha), g.c(2f));
        Operand<TFloat32> yc = tf.math.add(tf.math.mul(tf.math.div(e.get(0), g.c(10f)), ha), yca);
        Operand<TFloat32> halfW = tf.math.div(tf.math.mul(tf.math.exp(tf.math.div(e.get(3), g.c(5f))), wa), g.c(2f));
        Operand<TFloat32> xc = tf.math.add(tf.math.mul(tf.math.div(e.get(1), g.c(10f)), wa), xca);
        Operand<TFloat32> boxes = tf.stack(List.of(tf.math.sub(yc, halfH), tf.math.sub(xc, halfW),
                tf.math.add(yc, halfH), tf.math.add(xc, halfW)), org.tensorflow.op.core.Stack.axis(2L));
        Operand<TFloat32> scores = tf.math.sigmoid(tf.squeeze(
                tf.slice(logits, g.ints(0, 0, 1), g.ints(-1, -1, 1)), org.tensorflow.op.core.Squeeze.axis(List.of(2L))));
        Map<String, Operand<TFloat32>> outs = new LinkedHashMap<>();
        outs.put("boxes", tf.identity(boxes));
        outs.put("scores", tf.identity(scores));
        return outs;
    }

    private static Operand<TInt32> batchReshape(TfjsGraph g, Operand<TFloat32> like, int last) {
        Ops tf = g.tf;
        Operand<TInt32> n = tf.slice(tf.shape(like), g.ints(0), g.ints(1));
        return tf.concat(List.of(n, g.ints(-1, last)), tf.constant(0));
    }

    private static List<Operand<TFloat32>> unstack(Ops tf, Operand<TFloat32> x, int num, int axis) {
        List<Operand<TFloat32>> out = new ArrayList<>();
        tf.unstack(x, (long) num, org.tensorflow.op.core.Unstack.axis((long) axis)).forEach(out::add);
        return out;
    }

    /** {@code pointwiseConvLayer.ts}: conv + bias (convolution_bn_offset) + clip 0..6. */
    private static Operand<TFloat32> pointwise(TfjsGraph g, Operand<TFloat32> x, String prefix, int stride, String pad) {
        Operand<TFloat32> out = g.conv(x, prefix + "/weights", stride, pad);
        out = g.add(out, g.w(prefix + "/convolution_bn_offset"));
        return g.relu6(out);
    }

    /** {@code common/convLayer.ts} (no activation): 1×1 conv 'same' + bias. */
    private static Operand<TFloat32> convBias(TfjsGraph g, Operand<TFloat32> x, String prefix) {
        return g.add(g.conv(x, prefix + "/weights", 1, "SAME"), g.w(prefix + "/biases"));
    }

    /** tfjs batchNorm: {@code offset + (x - mean) * scale / sqrt(variance + eps)}. */
    private static Operand<TFloat32> batchNorm(TfjsGraph g, Operand<TFloat32> x, String prefix) {
        Ops tf = g.tf;
        Operand<TFloat32> inv = tf.math.div(g.w(prefix + "/gamma"),
                tf.math.sqrt(tf.math.add(g.w(prefix + "/moving_variance"), g.c(BN_EPSILON))));
        return tf.math.add(tf.math.mul(tf.math.sub(x, g.w(prefix + "/moving_mean")), inv), g.w(prefix + "/beta"));
    }

    /**
     * 68-point landmark net ({@code faceFeatureExtractor/FaceFeatureExtractor.ts}, {@code faceProcessor/FaceProcessor.ts}):
     * image [N,112,112,3] RGB 0..255 (the padded, resized face crop) → {@code landmarks} [N,136] =
     * x0,y0,x1,y1,… as fractions of the 112 input square.
     */
    static Map<String, Operand<TFloat32>> landmark68(TfjsGraph g, Operand<TFloat32> image) {
        Ops tf = g.tf;
        Operand<TFloat32> x = g.subMeanDiv255(image, MEAN_RGB);
        x = denseBlock4(g, x, "dense0", true);
        x = denseBlock4(g, x, "dense1", false);
        x = denseBlock4(g, x, "dense2", false);
        x = denseBlock4(g, x, "dense3", false);
        x = tf.nn.avgPool(x, List.of(1L, 7L, 7L, 1L), List.of(1L, 2L, 2L, 1L), "VALID");
        Operand<TFloat32> flat = tf.reshape(x, g.ints(-1, 256));
        Operand<TFloat32> out = g.add(tf.linalg.matMul(flat, g.w("fc/weights")), g.w("fc/bias"));
        Map<String, Operand<TFloat32>> outs = new LinkedHashMap<>();
        outs.put("landmarks", tf.identity(out));
        return outs;
    }

    /** {@code faceFeatureExtractor/denseBlock.ts} denseBlock4 (scale down). */
    private static Operand<TFloat32> denseBlock4(TfjsGraph g, Operand<TFloat32> x, String p, boolean first) {
        Operand<TFloat32> out1 = g.relu(first
                ? g.add(g.conv(x, p + "/conv0/filters", 2, "SAME"), g.w(p + "/conv0/bias"))
                : separable(g, x, p + "/conv0", 2));
        Operand<TFloat32> out2 = separable(g, out1, p + "/conv1", 1);
        Operand<TFloat32> in3 = g.relu(g.add(out1, out2));
        Operand<TFloat32> out3 = separable(g, in3, p + "/conv2", 1);
        Operand<TFloat32> in4 = g.relu(g.add(out1, g.add(out2, out3)));
        Operand<TFloat32> out4 = separable(g, in4, p + "/conv3", 1);
        return g.relu(g.add(out1, g.add(out2, g.add(out3, out4))));
    }

    /** {@code common/depthwiseSeparableConv.ts}: separableConv2d 'same' + bias. */
    private static Operand<TFloat32> separable(TfjsGraph g, Operand<TFloat32> x, String p, int stride) {
        Operand<TFloat32> dw = g.depthwise(x, p + "/depthwise_filter", stride);
        Operand<TFloat32> pw = g.conv(dw, p + "/pointwise_filter", 1, "VALID");
        return g.add(pw, g.w(p + "/bias"));
    }

    /**
     * Face recognition ResNet ({@code faceRecognitionNet/FaceRecognitionNet.ts}): image [N,150,150,3] RGB 0..255
     * (the padded, resized face chip) → {@code embedding} [N,128], face-api's descriptor (not normalised).
     */
    static Map<String, Operand<TFloat32>> recognition(TfjsGraph g, Operand<TFloat32> image) {
        Ops tf = g.tf;
        Operand<TFloat32> x = g.subMeanDiv255(image, MEAN_RGB);
        Operand<TFloat32> out = resConv(g, x, "conv32_down", 2, "VALID", true);
        out = tf.nn.maxPool(out, g.ints(1, 3, 3, 1), g.ints(1, 2, 2, 1), "VALID");
        out = residual(g, out, "conv32_1");
        out = residual(g, out, "conv32_2");
        out = residual(g, out, "conv32_3");
        out = residualDown(g, out, "conv64_down");
        out = residual(g, out, "conv64_1");
        out = residual(g, out, "conv64_2");
        out = residual(g, out, "conv64_3");
        out = residualDown(g, out, "conv128_down");
        out = residual(g, out, "conv128_1");
        out = residual(g, out, "conv128_2");
        out = residualDown(g, out, "conv256_down");
        out = residual(g, out, "conv256_1");
        out = residual(g, out, "conv256_2");
        out = residualDown(g, out, "conv256_down_out");
        Operand<TFloat32> avg = tf.math.mean(out, g.ints(1, 2));
        Operand<TFloat32> fc = tf.linalg.matMul(avg, g.w("fc"));
        Map<String, Operand<TFloat32>> outs = new LinkedHashMap<>();
        outs.put("embedding", tf.identity(fc));
        return outs;
    }

    /** {@code faceRecognitionNet/convLayer.ts}: conv + bias, scale layer (x·weights + biases), optional ReLU. */
    private static Operand<TFloat32> resConv(TfjsGraph g, Operand<TFloat32> x, String p, int stride, String pad, boolean relu) {
        Ops tf = g.tf;
        Operand<TFloat32> out = g.add(g.conv(x, p + "/conv/filters", stride, pad), g.w(p + "/conv/bias"));
        out = g.add(tf.math.mul(out, g.w(p + "/scale/weights")), g.w(p + "/scale/biases"));
        return relu ? g.relu(out) : out;
    }

    /** {@code faceRecognitionNet/residualLayer.ts} residual. */
    private static Operand<TFloat32> residual(TfjsGraph g, Operand<TFloat32> x, String p) {
        Operand<TFloat32> out = resConv(g, x, p + "/conv1", 1, "SAME", true);
        out = resConv(g, out, p + "/conv2", 1, "SAME", false);
        return g.relu(g.add(out, x));
    }

    /** {@code faceRecognitionNet/residualLayer.ts} residualDown. */
    private static Operand<TFloat32> residualDown(TfjsGraph g, Operand<TFloat32> x, String p) {
        Ops tf = g.tf;
        Operand<TFloat32> out = resConv(g, x, p + "/conv1", 2, "VALID", true);
        out = resConv(g, out, p + "/conv2", 1, "SAME", false);
        Operand<TFloat32> pooled = tf.nn.avgPool(x, List.of(1L, 2L, 2L, 1L), List.of(1L, 2L, 2L, 1L), "VALID");
        long pooledH = TfjsGraph.dim(pooled, 1);
        long outH = TfjsGraph.dim(out, 1);
        long pooledC = TfjsGraph.dim(pooled, 3);
        long outC = TfjsGraph.dim(out, 3);
        if (pooledH != outH || TfjsGraph.dim(pooled, 2) != TfjsGraph.dim(out, 2)) {
            // one zero row at the bottom, one zero column at the right
            out = tf.pad(out, tf.constant(new int[][] {{0, 0}, {0, 1}, {0, 1}, {0, 0}}), g.c(0f));
        }
        if (pooledC != outC) {
            // concat zeros of the pooled shape on the channel axis
            pooled = tf.pad(pooled, tf.constant(new int[][] {{0, 0}, {0, 0}, {0, 0}, {0, (int) pooledC}}), g.c(0f));
        }
        return g.relu(g.add(pooled, out));
    }
}
