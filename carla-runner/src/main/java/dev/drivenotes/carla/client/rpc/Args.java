package dev.drivenotes.carla.client.rpc;

import java.io.IOException;
import org.msgpack.core.MessagePacker;

/** Packs a call's arguments after the metadata (their count is given with the call). */
@FunctionalInterface
public interface Args {

    Args NONE = p -> {};

    void pack(MessagePacker packer) throws IOException;
}
