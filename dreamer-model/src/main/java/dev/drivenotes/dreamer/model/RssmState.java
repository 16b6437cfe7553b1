package dev.drivenotes.dreamer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

/**
 * A batch of RSSM states: deterministic {@code deter [B, D]} and flattened one-hot stochastic
 * {@code stoch [B, S·C]}.
 */
public record RssmState(NDArray deter, NDArray stoch) {

    /** Model features {@code [B, D + S·C]}. */
    public NDArray feat() {
        return NDArrays.concat(new NDList(deter, stoch), -1);
    }

    public RssmState detach() {
        return new RssmState(deter.stopGradient(), stoch.stopGradient());
    }
}
