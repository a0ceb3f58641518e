package io.facecheck.eval;

/**
 * Leave-one-out rank-1 identification result.
 *
 * @param correct probes whose nearest other image shows the same person
 * @param probes  images used as probes (those whose person has at least one other image)
 * @param rate    correct / probes
 */
public record Rank1(int correct, int probes, double rate) {
}
