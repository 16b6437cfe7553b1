package dev.drivenotes.carla.sim;

/**
 * The simulator behind a backend failed (a CARLA server that became unreachable, crashed, refused a
 * call or stopped answering): the simulation cannot go on, and the message says why in one line.
 */
public final class SimulatorFailureException extends RuntimeException {

    public SimulatorFailureException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
