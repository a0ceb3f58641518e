package io.facecheck.face;

/**
 * A decoded photo and how it was obtained.
 *
 * @param image          upright RGB pixels (EXIF orientation applied, possibly downscaled)
 * @param format         the format found in the file's content
 * @param originalWidth  width stored in the file, before orientation and downscaling
 * @param originalHeight height stored in the file
 * @param orientation    EXIF orientation 1..8 that was applied (1 = none or absent)
 * @param scale          output size / stored size (1 unless downscaled); divide coordinates by it to get
 *                       back to the upright full-size photo
 */
public record LoadedImage(RgbImage image, ImageFormat format, int originalWidth, int originalHeight, int orientation,
                          double scale) {
}
