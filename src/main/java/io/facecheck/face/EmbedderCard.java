package io.facecheck.face;

import io.facecheck.models.ModelCard;
import io.facecheck.models.ModelException;
import io.facecheck.models.Models;
import io.facecheck.models.TfModel;

/**
 * What every embedder reads from its model card: the id stored beside templates, the vector length and the
 * default decision threshold (squared L2 on unit vectors).
 */
public record EmbedderCard(String modelId, int dimension, double threshold) {

    public static EmbedderCard of(TfModel model) {
        ModelCard card = model.card();
        if (card.embeddingDimension() == null || card.threshold() == null) {
            throw new ModelException("model card of " + card.name() + " lacks embeddingDimension or threshold: "
                    + model.dir().toAbsolutePath() + " — " + Models.REGENERATE_HINT);
        }
        return new EmbedderCard(card.name() + "@" + card.version(), card.embeddingDimension(), card.threshold());
    }
}
