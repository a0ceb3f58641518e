package io.facecheck.face;

import java.util.List;

/**
 * Maps an aligned face crop to an L2-normalised embedding. Implementations are thread-safe and batch
 * internally; each knows its own crop convention ({@link #align}).
 */
public interface FaceEmbedder {
    /** Short id used on the CLI ({@code --embedder}), e.g. {@code mobilefacenet}, {@code resnet}. */
    String name();

    /** Model id and version stored beside templates, so templates of another model are never compared. */
    String modelId();

    int dimension();

    /** Width and height of the network's input crop. */
    int inputSize();

    /** Default decision threshold on squared L2 distance between normalised embeddings (from the model card). */
    double threshold();

    /** The network input crop for {@code face} in {@code image}. */
    RgbImage align(RgbImage image, DetectedFace face);

    /** Embeddings of already aligned crops (resized to {@link #inputSize()} if they differ), L2-normalised. */
    float[][] embed(List<RgbImage> alignedCrops);
}
