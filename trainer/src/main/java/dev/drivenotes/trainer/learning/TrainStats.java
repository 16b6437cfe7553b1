package dev.drivenotes.trainer.learning;

/**
 * Losses and statistics of one update; {@code decoderLoss} is the vector decoder's, {@code
 * rasterLoss} the image decoder's (0 for a model without raster), both part of {@code modelLoss};
 * {@code narrationLoss} the narration head's cross-entropy over the batch's labelled steps (part of
 * {@code modelLoss} too) and {@code narrationAccuracy} the share of them whose arg-max is the label
 * (NaN when the batch has none, or the model no head).
 */
public record TrainStats(
        double modelLoss,
        double decoderLoss,
        double rewardLoss,
        double continueLoss,
        double klDyn,
        double actorLoss,
        double criticLoss,
        double bcLoss,
        double entropy,
        double returnScale,
        double imaginedReturn,
        double rasterLoss,
        double narrationLoss,
        double narrationAccuracy) {}
