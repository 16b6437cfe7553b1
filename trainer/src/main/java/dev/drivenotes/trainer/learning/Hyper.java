package dev.drivenotes.trainer.learning;

/**
 * Training hyper-parameters (DreamerV3 defaults where the reference has one).
 *
 * @param modelLr world-model learning rate
 * @param actorLr actor learning rate
 * @param criticLr critic learning rate
 * @param horizon imagination horizon
 * @param discount γ = 1 − 1/333
 * @param lambda λ of the λ-returns
 * @param entropy actor entropy scale
 * @param slowRate slow-critic EMA rate
 * @param bcScale weight of behaviour cloning of demonstrator labels in the actor loss (0 = pure RL)
 * @param actorCritic whether imagination actor-critic updates run at all
 * @param actorRlScale weight of the imagination (REINFORCE + entropy) term in the actor loss
 * @param bcIntoModel whether the behaviour-cloning gradient also reaches the encoder and RSSM
 *     (DreamerV3 keeps actor gradients out of the world model)
 * @param narrationScale weight of the narration head's cross-entropy in the world-model loss
 * @param narrationOnly train the narration head alone on the world model's features (no gradient
 *     into them, every other parameter and the actor-critic left as they are): how a head is added to
 *     a trained checkpoint without changing how it drives
 */
public record Hyper(
        float modelLr,
        float actorLr,
        float criticLr,
        int horizon,
        float discount,
        float lambda,
        float entropy,
        float slowRate,
        float bcScale,
        boolean actorCritic,
        float actorRlScale,
        boolean bcIntoModel,
        float narrationScale,
        boolean narrationOnly) {

    public static Hyper defaults() {
        return new Hyper(6e-4f, 3e-4f, 3e-4f, 15, 1f - 1f / 333, 0.95f, 3e-4f, 0.02f, 1f, true, 1f, false, 1f, false);
    }

    /**
     * The driving trainer's settings: DreamerV3's defaults, with behaviour cloning shaping the world
     * model too and the imagination term of the actor loss scaled by {@code actorRlScale}
     * (docs/agent.md, "Training").
     */
    public static Hyper driving(float actorRlScale) {
        Hyper d = defaults();
        return new Hyper(
                d.modelLr,
                d.actorLr,
                d.criticLr,
                d.horizon,
                d.discount,
                d.lambda,
                d.entropy,
                d.slowRate,
                d.bcScale,
                d.actorCritic,
                actorRlScale,
                true,
                d.narrationScale,
                false);
    }

    /** These settings, training only the narration head ({@link #narrationOnly}). */
    public Hyper withNarrationOnly() {
        return new Hyper(
                modelLr,
                actorLr,
                criticLr,
                horizon,
                discount,
                lambda,
                entropy,
                slowRate,
                bcScale,
                actorCritic,
                actorRlScale,
                bcIntoModel,
                narrationScale,
                true);
    }
}
