package dev.drivenotes.trainer;

import dev.drivenotes.dreamer.model.Narration;
import dev.drivenotes.model.sim.GroundTruth;
import dev.drivenotes.model.sim.Maneuver;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ObjIntConsumer;

/**
 * The narration head's targets for one environment: the simulator's true maneuver of each junction
 * traversal, given to the steps of that traversal ({@code T}: a replay step, a calibration sample)
 * when it is over (it is known only once
 * the ego leaves the junction). A traversal is the run of steps whose truth names the same junction;
 * its maneuver is classified from the true heading change between the step before it and the step
 * after it ({@link Maneuver#fromHeadingChange}), as the reporter's notes score it. A traversal cut by
 * the episode's start or end stays unlabelled (it is not a whole junction).
 */
final class ManeuverLabels<T> {

    private final List<T> traversal = new ArrayList<>();
    private final ObjIntConsumer<T> label;
    private String junctionId;
    private double yawBeforeRad = Double.NaN;
    private double lastYawRad = Double.NaN;

    /** @param label receives each step of a whole traversal with its {@link Narration#CLASSES} index */
    ManeuverLabels(ObjIntConsumer<T> label) {
        this.label = label;
    }

    /** A new episode starts with this step: a traversal in progress is dropped unlabelled. */
    void start(T step, GroundTruth truth) {
        traversal.clear();
        junctionId = null;
        lastYawRad = Double.NaN;
        observe(step, truth);
        // an episode that starts inside a junction did not see its entry
        if (junctionId != null) {
            yawBeforeRad = Double.NaN;
        }
    }

    /** The next step of the episode and the truth at its observation. */
    void observe(T step, GroundTruth truth) {
        double yawRad = truth.pose().yawRad();
        if (junctionId != null && !Objects.equals(junctionId, truth.junctionId())) {
            finish(yawRad);
        }
        if (truth.inJunction() && junctionId == null) {
            junctionId = truth.junctionId();
            yawBeforeRad = lastYawRad;
        }
        if (junctionId != null) {
            traversal.add(step);
        }
        lastYawRad = yawRad;
    }

    /** Labels the traversal just left (when its entry was seen), with {@code yawAfterRad} the exit heading. */
    private void finish(double yawAfterRad) {
        if (!Double.isNaN(yawBeforeRad)) {
            int index = Narration.index(Maneuver.fromHeadingChange(yawAfterRad - yawBeforeRad));
            for (T s : traversal) {
                label.accept(s, index);
            }
        }
        traversal.clear();
        junctionId = null;
    }
}
