package dev.drivenotes.carla.client.rpc;

/** A result that carries CARLA's {@code rpc::ResponseError}, read to its end. */
public final class ServerErrorReply extends Exception {

    public ServerErrorReply(String message) {
        super(message, null, false, false);
    }
}
