package io.facecheck.face.liveness;

import io.facecheck.face.BoundingBox;
import io.facecheck.face.RgbImage;
import io.facecheck.face.Resize;
import io.facecheck.models.Tensors;
import io.facecheck.models.TfModel;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

/**
 * A single-frame network on a face crop the way human (@vladmandic/human) feeds its {@code liveness} and
 * {@code antispoof} nets: the face box made square about its centre and enlarged by {@code cropFactor}, cut out and
 * resized bilinearly to 192x192 (human's face-mesh crop), then resized bilinearly to the net's input size.
 * Returns the named value of the output. Test-side only: used to measure the candidates (docs/liveness.md); no
 * shipped code runs these nets. Thread-safe.
 */
final class FaceCropNet {
    /** Human's face-mesh crop size, the intermediate resolution of its face tensor. */
    public static final int MESH_CROP = 192;

    private final TfModel model;
    private final String output;
    private final int size;
    private final int index;

    /**
     * @param model  the SavedModel (input {@code image} [N,size,size,3], 0..255)
     * @param output its output to read
     * @param index  which value of that output (per face)
     */
    public FaceCropNet(TfModel model, String output, int index) {
        this.model = model;
        this.output = output;
        this.index = index;
        this.size = model.card().input().shape().get(1).intValue();
    }

    public int inputSize() {
        return size;
    }

    /** The network's input for one face: square box about the centre, enlarged, clipped samples repeat the edge. */
    public RgbImage crop(RgbImage image, BoundingBox b, double cropFactor) {
        double side = Math.max(b.width(), b.height()) * cropFactor;
        double x = b.x() + b.width() / 2 - side / 2;
        double y = b.y() + b.height() / 2 - side / 2;
        RgbImage mesh = Resize.crop(image, x, y, side, side, MESH_CROP, MESH_CROP);
        return size == MESH_CROP ? mesh : Resize.bilinear(mesh, size, size);
    }

    public double score(RgbImage image, BoundingBox box, double cropFactor) {
        RgbImage in = crop(image, box, cropFactor);
        try (TFloat32 t = Tensors.floats(in.data(), 1, size, size, 3); Result r = model.run(t)) {
            return Tensors.read(Tensors.output(r, output, model))[index];
        }
    }
}
