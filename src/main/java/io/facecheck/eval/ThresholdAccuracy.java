package io.facecheck.eval;

/** An accuracy and the threshold it was reached at (accept when distance &lt; threshold). */
public record ThresholdAccuracy(double threshold, double accuracy) {
}
