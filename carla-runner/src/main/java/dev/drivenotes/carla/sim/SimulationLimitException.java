package dev.drivenotes.carla.sim;

/** Too many live simulations: destroy finished ones before creating more. */
public final class SimulationLimitException extends RuntimeException {

    public SimulationLimitException(int limit) {
        super("at most " + limit + " simulations may be live at once; DELETE finished ones first");
    }
}
