package io.facecheck.face;

/** A named reason a face is not good enough to enrol or match; {@link #code()} is the stable name in JSON and logs. */
public enum QualityIssue {
    TOO_SMALL("too_small"),
    BLURRY("blurry"),
    TURNED_AWAY("turned_away"),
    TOO_DARK("too_dark"),
    TOO_BRIGHT("too_bright");

    private final String code;

    QualityIssue(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return code;
    }
}
