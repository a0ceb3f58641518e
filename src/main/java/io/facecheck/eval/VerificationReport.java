package io.facecheck.eval;

/**
 * The verification figures of issue 3 (field names are the JSON names of {@code facecheck evaluate}).
 * Accuracies and rates are fractions in [0, 1].
 *
 * @param pairs               pairs scored (genuine + impostor)
 * @param genuine             same-person pairs
 * @param impostor            different-person pairs
 * @param threshold           the default threshold the first accuracy is measured at
 * @param accuracyAtThreshold accuracy at {@code threshold}
 * @param bestThreshold       the threshold with the highest accuracy on all pairs (optimistic: chosen on the test data)
 * @param bestAccuracy        accuracy at {@code bestThreshold}
 * @param tenFoldAccuracy     mean held-out accuracy, threshold chosen on the other 9 folds (LFW protocol)
 * @param tenFoldStd          standard deviation of the 10 fold accuracies (population, as LFW tools report)
 * @param tarAtFar1e2         genuine acceptance at the threshold giving FAR ≤ 1e-2
 * @param tarAtFar1e3         genuine acceptance at the threshold giving FAR ≤ 1e-3
 * @param auc                 area under the ROC curve
 */
public record VerificationReport(int pairs, int genuine, int impostor, double threshold, double accuracyAtThreshold,
                                 double bestThreshold, double bestAccuracy, double tenFoldAccuracy, double tenFoldStd,
                                 double tarAtFar1e2, double tarAtFar1e3, double auc) {
}
