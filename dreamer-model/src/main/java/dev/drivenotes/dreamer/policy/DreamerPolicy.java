package dev.drivenotes.dreamer.policy;

import dev.drivenotes.dreamer.model.Carry;
import dev.drivenotes.dreamer.model.Declaration;
import dev.drivenotes.dreamer.model.DreamerAgent;
import dev.drivenotes.dreamer.model.DrivingActions;
import dev.drivenotes.dreamer.model.ObservationRaster;
import dev.drivenotes.dreamer.model.ObservationVector;
import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.policy.PredictInstance;
import java.util.ArrayList;
import java.util.List;

/**
 * The learned DreamerV3 agent. The recurrent state travels in each instance's {@code carry}
 * (stateless replicas); instances without one use the server-side {@link CarryCache}; {@code
 * isFirst} starts from a fresh state. The whole batch runs as one forward pass. Confidence is the
 * actor's probability of the chosen action. A checkpoint trained with the bird's-eye raster needs
 * one of its size in every instance's observation (400 naming the instance otherwise).
 */
public final class DreamerPolicy implements Policy {

    public static final String NAME = "dreamer";

    private final DreamerAgent agent;
    private final CarryCache cache;

    public DreamerPolicy(DreamerAgent agent, CarryCache cache) {
        this.agent = agent;
        this.cache = cache;
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
            out.add(new Decision(
                    DrivingActions.control(step.action()),
                    Declaration.declare(instance.observation(), step.action()),
                    Math.clamp(step.probability(), 0, 1),
                    instance.observation().nextPoi(),
                    step.carry().encode()));
        }
        return out;
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
