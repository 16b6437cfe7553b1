package dev.drivenotes.trainer;

import dev.drivenotes.dreamer.model.DrivingActions;
import dev.drivenotes.dreamer.policy.Policy;
import dev.drivenotes.model.policy.PredictInstance;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.Observation;
import java.util.ArrayList;
import java.util.List;

/** Drives a batch of episodes (slot i = one episode); {@link #reset} at each episode start. */
interface Driver {

    /** Controls for the given slots (all episodes running). */
    List<Control> act(int[] slots, List<Observation> observations);

    void reset(int slot);

    /** A policy (autopilot, random, dreamer) through its predict API, one batched call per step. */
    static Driver of(Policy policy, int slots) {
        boolean[] first = new boolean[slots];
        return new Driver() {
            @Override
            public List<Control> act(int[] s, List<Observation> obs) {
                List<PredictInstance> batch = new ArrayList<>();
                for (int i = 0; i < s.length; i++) {
                    batch.add(new PredictInstance("slot-" + s[i], obs.get(i), first[s[i]], null));
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
}
