package io.facecheck.eval;

import java.nio.file.Path;

/**
 * An image of a known person in an evaluation set.
 *
 * @param file     the image file
 * @param name     the path relative to the set's folder, with {@code /} separators (stable in reports)
 * @param identity the person (the sub-folder's name)
 */
public record LabelledImage(Path file, String name, String identity) {
}
