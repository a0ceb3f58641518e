package io.facecheck.face;

import io.facecheck.models.ModelCard;
import io.facecheck.models.ModelException;

/**
 * Settings of {@link MtcnnDetector}. Defaults come from the model cards of {@code pnet}, {@code rnet} and
 * {@code onet} (the thresholds of the package's reference code: 0.6 / 0.7 / 0.7, pyramid factor 0.709, minimum
 * face 40 px).
 *
 * @param minFaceSize smallest face side (pixels) the image pyramid looks for; smaller is slower
 * @param factor      scale step between pyramid levels, in (0, 1)
 */
public record MtcnnSettings(int minFaceSize, double factor, double pnetThreshold, double rnetThreshold,
                            double onetThreshold) {

    public MtcnnSettings {
        if (minFaceSize < 12) {
            throw new IllegalArgumentException("MTCNN minimum face size must be >= 12 px, got " + minFaceSize);
        }
        if (!(factor > 0.1 && factor < 1)) {
            throw new IllegalArgumentException("MTCNN pyramid factor must be in (0.1, 1), got " + factor);
        }
        for (double t : new double[] {pnetThreshold, rnetThreshold, onetThreshold}) {
            if (!(t >= 0 && t <= 1)) {
                throw new IllegalArgumentException("MTCNN thresholds must be in [0, 1], got " + t);
            }
        }
    }

    /** The defaults on the cards. */
    public static MtcnnSettings fromCards(ModelCard pnet, ModelCard rnet, ModelCard onet) {
        return new MtcnnSettings((int) required(pnet, "minFaceSize"), required(pnet, "pyramidFactor"),
                threshold(pnet), threshold(rnet), threshold(onet));
    }

    /** The defaults on the cards of the models in {@code models}. */
    public static MtcnnSettings fromCards(io.facecheck.models.Models models) {
        return fromCards(models.get(io.facecheck.models.ModelNames.PNET).card(),
                models.get(io.facecheck.models.ModelNames.RNET).card(),
                models.get(io.facecheck.models.ModelNames.ONET).card());
    }

    public MtcnnSettings withMinFaceSize(int px) {
        return new MtcnnSettings(px, factor, pnetThreshold, rnetThreshold, onetThreshold);
    }

    static double required(ModelCard card, String key) {
        double v = card.doubleParameter(key, Double.NaN);
        if (Double.isNaN(v)) {
            throw new ModelException("model card of " + card.name() + " lacks parameter '" + key + "'");
        }
        return v;
    }

    private static double threshold(ModelCard card) {
        if (card.threshold() == null) {
            throw new ModelException("model card of " + card.name() + " lacks its threshold");
        }
        return card.threshold();
    }
}
