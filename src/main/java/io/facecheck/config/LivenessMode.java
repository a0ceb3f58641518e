package io.facecheck.config;

import java.util.Locale;

/**
 * {@code checkin.liveness}: what a check-in needs besides a recognised face.
 * <ul>
 *   <li>{@code off} (also {@code false}): nothing — a photo of an employee checks them in;</li>
 *   <li>{@code net} (also {@code true}, the old boolean's meaning): the bundled anti-spoofing network's score,
 *       best effort (it calls many genuine low-resolution faces spoofs);</li>
 *   <li>{@code passive}: a {@code live} verdict of the landmark plane test for the face's track;</li>
 *   <li>{@code challenge}: no {@code spoof} verdict and a random action (turn the head left/right) shown by the
 *       landmarks.</li>
 * </ul>
 */
public enum LivenessMode {
    OFF, NET, PASSIVE, CHALLENGE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the setting's text; null when it is none of the accepted words. */
    public static LivenessMode parse(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "off", "false", "no" -> OFF;
            case "net", "true", "yes", "on" -> NET;
            case "passive" -> PASSIVE;
            case "challenge" -> CHALLENGE;
            default -> null;
        };
    }
}
