package io.facecheck.attendance;

import io.facecheck.config.DirectionMode;
import io.facecheck.config.Settings;

import java.time.Duration;
import java.time.ZoneId;

/**
 * The check-in policy's parameters.
 *
 * @param k                 frames that must accept the same identity ...
 * @param n                 ... among the last n frames ...
 * @param window            ... all no older than this
 * @param debounce          no second event for the same person within this time
 * @param mode              direction mode of the kiosk
 * @param liveness          whether frames must pass the liveness check to count
 * @param livenessThreshold a frame is live when its score is below this
 * @param zone              zone of the shift-days (and of the calendar days of the unscheduled) that
 *                          {@link DirectionMode#TOGGLE} goes by
 */
public record CheckInRules(int k, int n, Duration window, Duration debounce, DirectionMode mode, boolean liveness,
                           double livenessThreshold, ZoneId zone) {
    public CheckInRules {
        if (k < 1 || n < k) {
            throw new IllegalArgumentException("need 1 <= k <= n, got k=" + k + ", n=" + n);
        }
        if (window.isNegative() || window.isZero() || debounce.isNegative()) {
            throw new IllegalArgumentException("window must be positive and debounce not negative");
        }
    }

    /**
     * Rules from the settings; {@code cardLivenessThreshold} (the anti-spoofing model card's) applies unless the
     * settings override it.
     */
    public static CheckInRules from(Settings.CheckInSettings s, double cardLivenessThreshold) {
        return new CheckInRules(s.k(), s.n(), s.window(), s.debounce(), s.direction(), s.liveness(),
                s.livenessThreshold().orElse(cardLivenessThreshold), s.zone());
    }
}
