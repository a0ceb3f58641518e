package io.facecheck.eval;

/** One operating point: accepting distances below {@code threshold} gives these rates. */
public record RocPoint(double threshold, double far, double tar) {
}
