package io.facecheck.attendance;

/**
 * The open-set result for the face in one frame, as the caller decided it.
 *
 * @param code     accepted employee code, or null when the face is unknown
 * @param distance distance to the best match (squared L2 on unit vectors)
 * @param liveness anti-spoofing score (live when below the threshold), or null when not measured
 */
public record FrameObservation(String code, double distance, Double liveness) {

    public static FrameObservation known(String code, double distance, Double liveness) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("a known face needs an employee code");
        }
        return new FrameObservation(code, distance, liveness);
    }

    public static FrameObservation unknown(double distance, Double liveness) {
        return new FrameObservation(null, distance, liveness);
    }

    public boolean isUnknown() {
        return code == null;
    }
}
