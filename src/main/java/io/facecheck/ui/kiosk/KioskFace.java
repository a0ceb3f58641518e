package io.facecheck.ui.kiosk;

import io.facecheck.face.BoundingBox;
import io.facecheck.ui.I18n.Text;

/**
 * One face to draw over the preview, in frame pixels (unmirrored; the view mirrors).
 *
 * @param label name, "Unknown", or a guidance word, rendered in the language of the moment it is drawn; never an
 *              embedding or a score
 */
public record KioskFace(BoundingBox box, Text label, Kind kind) {
    public KioskFace {
        label = label == null ? Text.NONE : label;
    }

    public enum Kind {
        /** Accepted as an enrolled employee. */
        KNOWN,
        /** A good face that matches nobody. */
        UNKNOWN,
        /** Rejected by the quality gate or liveness; not matched. */
        POOR
    }
}
