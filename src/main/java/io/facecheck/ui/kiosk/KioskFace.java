package io.facecheck.ui.kiosk;

import io.facecheck.face.BoundingBox;

/**
 * One face to draw over the preview, in frame pixels (unmirrored; the view mirrors).
 *
 * @param label name, "Unknown", or a guidance word; never an embedding or a score
 */
public record KioskFace(BoundingBox box, String label, Kind kind) {
    public enum Kind {
        /** Accepted as an enrolled employee. */
        KNOWN,
        /** A good face that matches nobody. */
        UNKNOWN,
        /** Rejected by the quality gate or liveness; not matched. */
        POOR
    }
}
