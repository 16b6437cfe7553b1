package dev.drivenotes.dreamer.policy;

import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Observation;

/**
 * What every policy says about its decision, beside the control: the maneuver it declares, its
 * confidence (0..1) and the POI it heads to (the observation's next POI). The maneuver follows one
 * rule from the planned path ({@link #maneuver}) for the autopilot, the random baseline and the
 * learned agent, except that a learned agent with a narration head declares the head's maneuver
 * inside a junction ({@link DreamerPolicy}). Confidence is the policy's own: the autopilot's is
 * geometric ({@link #geometricConfidence}), the random baseline's a random draw, the learned agent's
 * the actor's probability of its action (the head's calibrated probability where the head declares).
 */
final class Declaration {

    /** Declares {@code stop} when closer to the goal than this. */
    static final double STOP_DECLARATION_M = 20;
    /** Declares the next junction's maneuver when closer to it than this (0 = inside it). */
    static final double MANEUVER_DECLARATION_M = 12;
    /** Below this speed, braking declares {@code stop}. */
    static final double STANDSTILL_MPS = 0.5;

    static final double BASE_CONFIDENCE = 0.95;
    static final double INSIDE_JUNCTION_FACTOR = 0.7;
    static final double APPROACHING_JUNCTION_FACTOR = 0.85;
    /** Cross-track error at which confidence has dropped to 1/e of its value on the lane centre. */
    static final double CROSS_TRACK_SCALE_M = 1.5;
    /** Confidence is divided by {@code 1 + CURVATURE_WEIGHT_M * curvature} of the bend ahead. */
    static final double CURVATURE_WEIGHT_M = 4;
    /** How far ahead bends lower the confidence. */
    static final double CURVATURE_HORIZON_M = 20;

    private Declaration() {}

    /**
     * {@code stop} within {@link #STOP_DECLARATION_M} of the goal, or when the policy brakes at
     * standstill ({@code brakingAtStandstill}, see {@link #brakingAtStandstill}); else the route's
     * next maneuver within {@link #MANEUVER_DECLARATION_M} of it (distance 0 while inside its
     * junction); else {@code follow_lane}. The autopilot declares from the route alone: its holds at
     * lights and behind vehicles are part of following its route, so it passes false.
     */
    static Maneuver maneuver(Observation observation, boolean brakingAtStandstill) {
        if (observation.distanceToGoM() < STOP_DECLARATION_M || brakingAtStandstill) {
            return Maneuver.STOP;
        }
        if (observation.distanceToManeuverM() < MANEUVER_DECLARATION_M) {
            return observation.nextManeuver();
        }
        return Maneuver.FOLLOW_LANE;
    }

    /** Whether the planned path says the ego is inside a junction: its next junction maneuver is at distance 0. */
    static boolean insideJunction(Observation observation) {
        return observation.nextManeuver().atJunction() && observation.distanceToManeuverM() == 0;
    }

    /**
     * The autopilot's narration of a control from the planned path: the {@link #maneuver} rule (its
     * holds at lights and behind vehicles are part of following its route, so never a standstill
     * {@code stop}) and the {@link #geometricConfidence} along {@code path}.
     */
    static Decision fromPlan(Observation observation, Control control, EgoPath path, String carry) {
        Maneuver maneuver = maneuver(observation, false);
        return decision(observation, control, maneuver, geometricConfidence(observation, maneuver, path), carry);
    }

    /** Whether a commanded acceleration brakes a vehicle that stands (nearly) still. */
    static boolean brakingAtStandstill(Observation observation, double accelMps2) {
        return observation.speedMps() < STANDSTILL_MPS && accelMps2 < 0;
    }

    /**
     * {@code 0.95 × junction × exp(−crossTrack / 1.5 m) / (1 + 4 m × curvature ahead)}, where
     * junction is 0.7 inside a junction (next maneuver is a junction maneuver at distance 0), 0.85
     * when about to enter one (declared junction maneuver) and 1 otherwise; curvature is the
     * largest within 20 m ahead. Always in (0, 0.95]: highest on a straight lane, on its centre.
     */
    static double geometricConfidence(Observation observation, Maneuver declared, EgoPath path) {
        double junction = 1;
        if (insideJunction(observation)) {
            junction = INSIDE_JUNCTION_FACTOR;
        } else if (declared.atJunction()) {
            junction = APPROACHING_JUNCTION_FACTOR;
        }
        double tracking = Math.exp(-path.crossTrackM() / CROSS_TRACK_SCALE_M);
        double bend = 1 / (1 + CURVATURE_WEIGHT_M * path.maxCurvaturePerM(CURVATURE_HORIZON_M));
        return BASE_CONFIDENCE * junction * tracking * bend;
    }

    /**
     * The decision a policy answers: its control, declared maneuver and confidence (clamped into
     * 0..1), heading to the observation's next POI.
     *
     * @param carry the policy state the client sends back, null for a policy without one
     */
    static Decision decision(
            Observation observation, Control control, Maneuver maneuver, double confidence, String carry) {
        return new Decision(control, maneuver, Math.clamp(confidence, 0, 1), observation.nextPoi(), carry);
    }
}
