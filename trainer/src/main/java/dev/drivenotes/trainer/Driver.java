package dev.drivenotes.trainer;

import dev.drivenotes.dreamer.model.Carry;
import dev.drivenotes.dreamer.model.DreamerAgent;
import dev.drivenotes.dreamer.model.DreamerConfig;
import dev.drivenotes.dreamer.model.DrivingActions;
import dev.drivenotes.dreamer.model.ObservationRaster;
import dev.drivenotes.dreamer.model.ObservationVector;
import dev.drivenotes.dreamer.policy.Policy;
import dev.drivenotes.model.policy.PredictInstance;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.Observation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Drives a batch of episodes (slot i = one episode); {@link #reset} at each episode start. */
interface Driver {

    /** Controls for the given slots (all episodes running). */
    List<Control> act(int[] slots, List<Observation> observations);

    void reset(int slot);

    /** A served baseline policy (autopilot, random) through its predict API. */
    static Driver of(Policy policy, int slots) {
        boolean[] first = new boolean[slots];
        return new Driver() {
            @Override
            public List<Control> act(int[] s, List<Observation> obs) {
                List<PredictInstance> batch = new ArrayList<>();
                for (int i = 0; i < s.length; i++) {
                    batch.add(new PredictInstance("slot-" + s[i], obs.get(i), first[s[i]]));
                    first[s[i]] = false;
                }
                return policy.decide(batch).stream().map(d -> d.control()).toList();
            }

            @Override
            public void reset(int slot) {
                first[slot] = true;
            }
        };
    }

    /** Another driver whose controls are snapped to the nearest of the agent's discrete actions. */
    static Driver snapped(Driver inner) {
        return new Driver() {
            @Override
            public List<Control> act(int[] s, List<Observation> obs) {
                return inner.act(s, obs).stream()
                        .map(c -> DrivingActions.control(DrivingActions.nearest(c)))
                        .toList();
            }

            @Override
            public void reset(int slot) {
                inner.reset(slot);
            }
        };
    }

    /** The learned agent, one batched forward pass per call, carries kept per slot. */
    static Driver of(DreamerAgent agent, int slots) {
        Carry[] carries = new Carry[slots];
        return new Driver() {
            @Override
            public List<Control> act(int[] s, List<Observation> obs) {
                List<float[]> vectors = obs.stream().map(ObservationVector::of).toList();
                List<Carry> cs = new ArrayList<>(Arrays.asList(new Carry[s.length]));
                for (int i = 0; i < s.length; i++) {
                    cs.set(i, carries[s[i]]);
                }
                DreamerConfig config = agent.config();
                List<DreamerAgent.Step> steps = config.usesRaster()
                        ? agent.act(
                                vectors,
                                obs.stream()
                                        .map(o -> ObservationRaster.of(o.birdEye(), config))
                                        .toList(),
                                cs)
                        : agent.act(vectors, cs);
                List<Control> out = new ArrayList<>();
                for (int i = 0; i < s.length; i++) {
                    carries[s[i]] = steps.get(i).carry();
                    out.add(DrivingActions.control(steps.get(i).action()));
                }
                return out;
            }

            @Override
            public void reset(int slot) {
                carries[slot] = null;
            }
        };
    }
}
