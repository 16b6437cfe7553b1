package dev.drivenotes.carla.client;

/**
 * The server answered a call with an error: rpclib's error field (an unknown function, a wrong
 * argument count) or CARLA's own {@code rpc::ResponseError} (e.g. "episode not ready").
 */
public final class CarlaRpcException extends CarlaException {

    private final String method;
    private final String serverMessage;

    public CarlaRpcException(String endpoint, String method, String serverMessage) {
        super("CARLA server " + endpoint + " refused " + method + ": " + serverMessage, null);
        this.method = method;
        this.serverMessage = serverMessage;
    }

    public String method() {
        return method;
    }

    /** The error text exactly as the server sent it. */
    public String serverMessage() {
        return serverMessage;
    }
}
