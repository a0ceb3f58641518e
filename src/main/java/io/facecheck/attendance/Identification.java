package io.facecheck.attendance;

/**
 * The open-set answer for one face.
 *
 * @param code     accepted employee code, or null when unknown
 * @param distance distance to the nearest identity (squared L2), or NaN with an empty gallery
 * @param margin   how much farther the second-nearest identity is, or NaN when there is none
 * @param nearest  the nearest identity even when not accepted (for diagnostics), or null
 */
public record Identification(String code, double distance, double margin, String nearest) {
    public boolean known() {
        return code != null;
    }

    public FrameObservation toObservation(Double liveness) {
        return new FrameObservation(code, distance, liveness);
    }
}
