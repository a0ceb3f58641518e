package io.facecheck.eval;

/**
 * Two images and whether they show the same person.
 *
 * @param fileX image path as written in the pairs file (relative to the images folder)
 * @param fileY second image path
 * @param same  true for a genuine (same person) pair
 */
public record Pair(String fileX, String fileY, boolean same) {
}
