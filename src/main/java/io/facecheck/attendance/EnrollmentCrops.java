package io.facecheck.attendance;

import io.facecheck.face.Alignment;
import io.facecheck.face.BoundingBox;
import io.facecheck.face.DetectedFace;
import io.facecheck.face.Point;
import io.facecheck.face.RgbImage;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The face crop kept from enrollment: a similarity-aligned {@value #SIZE}×{@value #SIZE} image with the five
 * landmarks at fixed places (the ArcFace 112 template scaled by {@value #SCALE} and centred). Because the
 * landmarks are known, any embedder can re-align it with its own convention (MobileFaceNet's 112 crop, dlib's
 * 150 chip) when templates are rebuilt for another model; the margin around the face leaves room for that.
 * Stored as PNG (lossless); never the whole photo.
 */
public final class EnrollmentCrops {
    public static final int SIZE = 224;
    public static final double SCALE = 1.5;
    /** The five landmarks' places in every kept crop. */
    public static final List<Point> LANDMARKS;

    static {
        double offset = (SIZE - 112 * SCALE) / 2;
        LANDMARKS = Alignment.TEMPLATE_112.stream()
                .map(p -> new Point(p.x() * SCALE + offset, p.y() * SCALE + offset))
                .toList();
    }

    private EnrollmentCrops() {
    }

    /** The kept crop of {@code face} in {@code image}. */
    public static RgbImage crop(RgbImage image, DetectedFace face) {
        return Alignment.align(image, face.landmarks5(), LANDMARKS, SIZE, SIZE);
    }

    /** The face in a kept crop, for an embedder's {@code align}. */
    public static DetectedFace faceInCrop() {
        double offset = (SIZE - 112 * SCALE) / 2;
        return new DetectedFace(new BoundingBox(offset, offset, 112 * SCALE, 112 * SCALE), 1.0, LANDMARKS, List.of());
    }

    public static byte[] png(RgbImage crop) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(crop.toBufferedImage(), "png", out)) {
                throw new IllegalStateException("no PNG writer");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RgbImage fromPng(byte[] png) {
        try {
            var img = ImageIO.read(new ByteArrayInputStream(png));
            if (img == null) {
                throw new IllegalArgumentException("stored enrollment crop is not a PNG image");
            }
            return RgbImage.fromBufferedImage(img);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
