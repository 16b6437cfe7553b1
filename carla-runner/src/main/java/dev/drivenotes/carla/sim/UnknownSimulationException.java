package dev.drivenotes.carla.sim;

/** No live simulation has this id. */
public final class UnknownSimulationException extends RuntimeException {

    private final String simulationId;

    public UnknownSimulationException(String simulationId) {
        super("no simulation with id '" + simulationId + "'");
        this.simulationId = simulationId;
    }

    public String simulationId() {
        return simulationId;
    }
}
