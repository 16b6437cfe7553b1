package dev.drivenotes.carla.client.rpc;

import java.io.IOException;
import org.msgpack.core.MessageUnpacker;

/**
 * Reads the result of one call straight from the connection's unpacker (on its reader thread). It
 * must read exactly one msgpack object: a reader that stops half way desynchronises the connection,
 * which is then closed. {@link ServerErrorReply} may only be thrown once the whole object is read.
 */
@FunctionalInterface
public interface ReplyReader<T> {

    T read(MessageUnpacker unpacker) throws IOException, ServerErrorReply;
}
