package dev.drivenotes.dreamer.model;

import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.VehicleSpec;

/**
 * CarDreamer's 15 discrete actions: acceleration {−2, 0, 2} m/s² × steer {−0.6, −0.2, 0, 0.2, 0.6}
 * (CARLA sign: positive steers right). Acceleration maps to throttle {@code a / 3.5} or brake
 * {@code −a / 8}: the full-throttle and full-brake accelerations of {@link VehicleSpec#EGO}.
 */
public final class DrivingActions {

    public static final int COUNT = 15;
    static final double[] ACCELERATIONS_MPS2 = {-2, 0, 2};
    /** How many acceleration levels the actions have ({@link #accelerationIndex} ranges over them). */
    public static final int ACCELERATION_LEVELS = ACCELERATIONS_MPS2.length;

    static final double[] STEERS = {-0.6, -0.2, 0, 0.2, 0.6};
    private static final double FULL_THROTTLE_MPS2 = VehicleSpec.EGO.throttleAccelMps2();
    private static final double FULL_BRAKE_MPS2 = VehicleSpec.EGO.brakeDecelMps2();

    private DrivingActions() {}

    public static double accelerationMps2(int action) {
        return ACCELERATIONS_MPS2[check(action) / STEERS.length];
    }

    /** Index of an action's acceleration in {@link #ACCELERATIONS_MPS2}: 0 brake, 1 coast, 2 throttle. */
    public static int accelerationIndex(int action) {
        return check(action) / STEERS.length;
    }

    public static double steer(int action) {
        return STEERS[check(action) % STEERS.length];
    }

    /** The control that applies an action. */
    public static Control control(int action) {
        double acc = accelerationMps2(action);
        double throttle = acc > 0 ? acc / FULL_THROTTLE_MPS2 : 0;
        double brake = acc < 0 ? -acc / FULL_BRAKE_MPS2 : 0;
        return new Control(steer(action), throttle, brake);
    }

    /** The action nearest to a continuous control (for behaviour cloning of a demonstrator). */
    public static int nearest(Control control) {
        double acc = control.throttle() * FULL_THROTTLE_MPS2 - control.brake() * FULL_BRAKE_MPS2;
        int a = acc > 1 ? 2 : acc < -1 ? 0 : 1;
        int s = 0;
        for (int k = 1; k < STEERS.length; k++) {
            if (Math.abs(STEERS[k] - control.steer()) < Math.abs(STEERS[s] - control.steer())) {
                s = k;
            }
        }
        return a * STEERS.length + s;
    }

    private static int check(int action) {
        if (action < 0 || action >= COUNT) {
            throw new IllegalArgumentException("action must be 0.." + (COUNT - 1) + " (was " + action + ")");
        }
        return action;
    }
}
