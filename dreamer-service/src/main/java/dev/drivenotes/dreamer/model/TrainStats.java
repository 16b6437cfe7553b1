package dev.drivenotes.dreamer.model;

/** Losses and statistics of one update. */
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
        double imaginedReturn) {}
