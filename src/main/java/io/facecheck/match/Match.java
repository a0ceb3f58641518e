package io.facecheck.match;

/**
 * One identity found by a gallery search.
 *
 * @param identity  the identity's id
 * @param distance  squared L2 distance from the query to the identity's nearest template (unit vectors: 0..4)
 * @param templates how many templates the identity has in the gallery
 */
public record Match(String identity, double distance, int templates) {
}
