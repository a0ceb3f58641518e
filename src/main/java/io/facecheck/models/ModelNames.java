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

    public static final List<String> ALL =
            List.of(PNET, RNET, ONET, MOBILEFACENET, ANTI_SPOOFING, SSD, LANDMARK68, RESNET128);

    private ModelNames() {
    }
}
