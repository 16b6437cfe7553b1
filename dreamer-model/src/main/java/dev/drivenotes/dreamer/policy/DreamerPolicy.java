package dev.drivenotes.dreamer.policy;

import dev.drivenotes.dreamer.model.Carry;
import dev.drivenotes.dreamer.model.DreamerAgent;
import dev.drivenotes.dreamer.model.DrivingActions;
import dev.drivenotes.dreamer.model.ObservationRaster;
import dev.drivenotes.dreamer.model.ObservationVector;
import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.policy.PredictInstance;
import dev.drivenotes.model.sim.Observation;
import java.util.ArrayList;
import java.util.List;

/**
 * The learned DreamerV3 agent. The recurrent state travels in each instance's {@code carry}
 * (stateless replicas); instances without one continue from a server-side {@link SessionCache};
 * {@code isFirst} starts from a fresh state. The whole batch runs as one forward pass. The maneuver
 * follows the {@link Declaration} rule (braking at standstill declares {@code stop}); confidence is
 * the actor's probability of the chosen action. A checkpoint trained with the bird's-eye raster needs
 * one of its size in every instance's observation (400 naming the instance otherwise).
 */
public final class DreamerPolicy implements Policy {

    public static final String NAME = "dreamer";

    private final DreamerAgent agent;
    private final SessionCache<Carry> cache;

    /**
     * @param agent the loaded agent (one batched forward pass per call)
     * @param sessions how many carry-less sessions' state the server keeps, and for how long
     */
    public DreamerPolicy(DreamerAgent agent, SessionLimits sessions) {
        this.agent = agent;
        this.cache = new SessionCache<>(sessions);
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
            boolean stopping = Declaration.brakingAtStandstill(o, DrivingActions.accelerationMps2(step.action()));
            out.add(Declaration.decision(
                    o,
                    DrivingActions.control(step.action()),
                    Declaration.maneuver(o, stopping),
                    step.probability(),
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
