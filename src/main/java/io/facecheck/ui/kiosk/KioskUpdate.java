package io.facecheck.ui.kiosk;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * What the inference thread concluded about one frame; an immutable value handed to the FX thread.
 *
 * @param frameSequence the {@link io.facecheck.camera.VideoFrame#sequence()} it describes
 * @param faces         boxes and labels to draw
 * @param checkIns      check-ins committed to the store because of this frame (usually none)
 * @param message       what to tell the person in front of the kiosk now, or NONE
 */
public record KioskUpdate(long frameSequence, int frameWidth, int frameHeight, List<KioskFace> faces,
                          List<CheckIn> checkIns, Message message) {

    public KioskUpdate {
        faces = List.copyOf(faces);
        checkIns = List.copyOf(checkIns);
    }

    /** A check-in that was logged: who, which way, when (in the configured zone). */
    public record CheckIn(String code, String name, String direction, ZonedDateTime at) {
    }

    /** Guidance and refusals shown in the banner when nobody is being greeted. */
    public enum Message {
        NONE(""),
        NOT_RECOGNISED("Not recognised — please see an administrator"),
        COME_CLOSER("Come closer"),
        LOOK_AT_CAMERA("Look at the camera"),
        MORE_LIGHT("More light"),
        LIVENESS_FAILED("Please look at the camera"),
        /** Active liveness challenge: the instruction itself (shown large until the landmarks show it). */
        TURN_LEFT("Turn your head slightly to the left"),
        TURN_RIGHT("Turn your head slightly to the right"),
        /** The challenge was not answered in time (or the head turned the other way): nothing is logged. */
        CHALLENGE_FAILED("Liveness check failed — step away and try again"),
        /** Passive liveness has not seen the face move in depth yet. */
        MOVE_HEAD("Please turn your head a little"),
        ONE_AT_A_TIME("One person at a time, please");

        private final String text;

        Message(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        /** True for the instructions of an active liveness challenge. */
        public boolean isChallenge() {
            return this == TURN_LEFT || this == TURN_RIGHT;
        }
    }

    public static KioskUpdate empty(long seq, int w, int h) {
        return new KioskUpdate(seq, w, h, List.of(), List.of(), Message.NONE);
    }
}
