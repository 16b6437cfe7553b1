package dev.drivenotes.dreamer.policy;

import dev.drivenotes.dreamer.model.Carry;
import dev.drivenotes.dreamer.model.DreamerAgent;
import dev.drivenotes.dreamer.model.DrivingActions;
import dev.drivenotes.dreamer.model.Narration;
import dev.drivenotes.dreamer.model.ObservationRaster;
import dev.drivenotes.dreamer.model.ObservationVector;
import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.policy.PredictInstance;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Observation;
import java.util.ArrayList;
import java.util.List;

/**
 * The learned DreamerV3 agent. The recurrent state travels in each instance's {@code carry}
 * (stateless replicas); instances without one continue from a server-side {@link SessionCache};
 * {@code isFirst} starts from a fresh state. The whole batch runs as one forward pass. The maneuver
 * follows the {@link Declaration} rule (braking at standstill declares {@code stop}), confidence the
 * actor's probability of the chosen action; except inside a junction (the plan's junction maneuver at
 * distance 0), where a checkpoint with a narration head declares the head's arg-max and its
 * probability at the checkpoint's temperature ({@link Narration}). A checkpoint without the head
 * declares with the rule there too, and says so ({@link #narrator()}). A checkpoint trained with the
 * bird's-eye raster needs one of its size in every instance's observation (400 naming the instance
 * otherwise).
 */
public final class DreamerPolicy implements Policy {

    public static final String NAME = "dreamer";

    private final DreamerAgent agent;
    private final SessionCache<Carry> cache;
    private final double narrationTemperature;
    private final String modelVersion;

    /** An agent whose checkpoint is not identified: its model version is just {@value #NAME}. */
    public DreamerPolicy(DreamerAgent agent, SessionLimits sessions, double narrationTemperature) {
        this(agent, sessions, narrationTemperature, NAME);
    }

    /**
     * @param agent the loaded agent (one batched forward pass per call)
     * @param sessions how many carry-less sessions' state the server keeps, and for how long
     * @param narrationTemperature the narration head's softmax temperature ({@link
     *     dev.drivenotes.dreamer.model.CheckpointMeta#servedNarrationTemperature()}); unused without a head
     * @param modelVersion the loaded checkpoint's identity, named in every predict response
     */
    public DreamerPolicy(DreamerAgent agent, SessionLimits sessions, double narrationTemperature, String modelVersion) {
        if (!(narrationTemperature > 0) || Double.isInfinite(narrationTemperature)) {
            throw new IllegalArgumentException(
                    "narrationTemperature must be positive and finite, was " + narrationTemperature);
        }
        this.agent = agent;
        this.cache = new SessionCache<>(sessions);
        this.narrationTemperature = narrationTemperature;
        if (modelVersion == null || modelVersion.isBlank()) {
            throw new IllegalArgumentException("modelVersion must not be blank");
        }
        this.modelVersion = modelVersion;
    }

    @Override
    public String modelVersion() {
        return modelVersion;
    }

    @Override
    public String narrator() {
        return agent.config().narrates() ? PlanNarration.HEAD : PlanNarration.RULE;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Decision> decide(List<PredictInstance> batch) {
        List<float[]> observations = new ArrayList<>(batch.size());
        List<byte[]> rasters = new ArrayList<>(batch.size());
        List<Carry> carries = new ArrayList<>(batch.size());
        boolean usesRaster = agent.config().usesRaster();
        for (int i = 0; i < batch.size(); i++) {
            PredictInstance instance = batch.get(i);
            observations.add(ObservationVector.of(instance.observation()));
            if (usesRaster) {
                rasters.add(rasterOf(instance, i));
            }
            carries.add(carryOf(instance, i));
        }
        List<DreamerAgent.Step> steps =
                usesRaster ? agent.act(observations, rasters, carries) : agent.act(observations, carries);
        List<Decision> out = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            PredictInstance instance = batch.get(i);
            DreamerAgent.Step step = steps.get(i);
            if (instance.carry() == null) {
                cache.put(instance.sessionId(), step.carry());
            }
            Observation o = instance.observation();
            out.add(declare(o, step));
        }
        return out;
    }

    /** The rule's maneuver and the actor's probability; inside a junction the head's, when there is one. */
    private Decision declare(Observation o, DreamerAgent.Step step) {
        Control control = DrivingActions.control(step.action());
        String carry = step.carry().encode();
        boolean stopping = Declaration.brakingAtStandstill(o, DrivingActions.accelerationMps2(step.action()));
        Maneuver rule = Declaration.maneuver(o, stopping);
        float[] logits = step.narrationLogits();
        if (logits == null || !rule.atJunction() || !Declaration.insideJunction(o)) {
            return Declaration.decision(o, control, rule, step.probability(), carry);
        }
        int said = Narration.argMax(logits);
        double[] probabilities = Narration.probabilities(logits, narrationTemperature);
        return Declaration.decision(o, control, Narration.CLASSES.get(said), probabilities[said], carry);
    }

    private byte[] rasterOf(PredictInstance instance, int index) {
        try {
            return ObservationRaster.of(instance.observation().birdEye(), agent.config());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("instances[" + index + "].observation.birdEye", e.getMessage());
        }
    }

    private Carry carryOf(PredictInstance instance, int index) {
        if (instance.isFirst()) {
            return null;
        }
        if (instance.carry() == null) {
            return cache.get(instance.sessionId());
        }
        try {
            return Carry.decode(instance.carry(), agent.config());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("instances[" + index + "].carry", e.getMessage());
        }
    }
}
