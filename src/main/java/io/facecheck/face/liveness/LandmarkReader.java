package io.facecheck.face.liveness;

import io.facecheck.face.BoundingBox;
import io.facecheck.face.DetectedFace;
import io.facecheck.face.Point;
import io.facecheck.face.RgbImage;
import io.facecheck.face.faceapi.Landmark68Net;
import io.facecheck.models.Models;

import java.util.List;

/**
 * Turns a detected face into a {@link LandmarkFrame}: the 68 landmarks (the detector's when it has them, as
 * SSD does; else the {@code landmark68} net run on the detector's box, as for MTCNN), a hash of the face crop, the
 * box and the aligned grey patch the continuity test compares.
 * Thread-safe.
 */
public final class LandmarkReader {
    private final Landmark68Net net;

    public LandmarkReader(Models models) {
        this.net = new Landmark68Net(models);
    }

    public LandmarkFrame read(long nanos, RgbImage image, DetectedFace face) {
        List<Point> p68 = face.landmarks68().size() == 68 ? face.landmarks68()
                : net.landmarks(image, List.of(face.box())).get(0);
        return new LandmarkFrame(nanos, p68, cropHash(image, face.box()), face.box(), FacePatch.of(image, p68));
    }

    public void warmUp() {
        net.warmUp();
    }

    /** 64-bit FNV-1a over the samples of the (clipped, integer) face box: equal crops, equal hashes. */
    static long cropHash(RgbImage image, BoundingBox b) {
        int x0 = Math.max(0, (int) Math.floor(b.x()));
        int y0 = Math.max(0, (int) Math.floor(b.y()));
        int x1 = Math.min(image.width(), (int) Math.ceil(b.right()));
        int y1 = Math.min(image.height(), (int) Math.ceil(b.bottom()));
        long h = 0xcbf29ce484222325L;
        float[] d = image.data();
        for (int y = y0; y < y1; y++) {
            for (int i = (y * image.width() + x0) * 3, end = (y * image.width() + x1) * 3; i < end; i++) {
                h ^= Float.floatToIntBits(d[i]);
                h *= 0x100000001b3L;
            }
        }
        return h;
    }
}
