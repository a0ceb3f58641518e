package io.facecheck.ui.kiosk;

import io.facecheck.ui.I18n.Text;

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

    /**
     * A check-in that was logged: who, which way, when (in the configured zone).
     *
     * @param greetingName the name to greet the person with: their {@code greeting_name}, else {@code name}
     */
    public record CheckIn(String code, String name, String direction, ZonedDateTime at, String greetingName) {
        public CheckIn {
            if (greetingName == null || greetingName.isBlank()) {
                greetingName = name;
            }
        }

        public CheckIn(String code, String name, String direction, ZonedDateTime at) {
            this(code, name, direction, at, null);
        }

        public boolean out() {
            return "OUT".equalsIgnoreCase(direction);
        }
    }

    /** Guidance and refusals shown in the banner when nobody is being greeted; the words are in the bundles. */
    public enum Message {
        NONE(null),
        NOT_RECOGNISED("kiosk.message.not-recognised"),
        COME_CLOSER("kiosk.message.come-closer"),
        LOOK_AT_CAMERA("kiosk.message.look-at-camera"),
        MORE_LIGHT("kiosk.message.more-light"),
        LIVENESS_FAILED("kiosk.message.liveness-failed"),
        /** Active liveness challenge: the instruction itself (shown large until the landmarks show it). */
        TURN_LEFT("kiosk.message.turn-left"),
        TURN_RIGHT("kiosk.message.turn-right"),
        /** The challenge was not answered in time (or the head turned the other way): nothing is logged. */
        CHALLENGE_FAILED("kiosk.message.challenge-failed"),
        /** Passive liveness has not seen the face move in depth yet. */
        MOVE_HEAD("kiosk.message.move-head"),
        ONE_AT_A_TIME("kiosk.message.one-at-a-time");

        private final String key;

        Message(String key) {
            this.key = key;
        }

        /** The bundle key of the words (null for NONE). */
        public String key() {
            return key;
        }

        /** The words to show, as a text that follows the language. */
        public Text text() {
            return key == null ? Text.NONE : Text.of(key);
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
