package dev.drivenotes.carla.client.protocol;

import dev.drivenotes.carla.client.rpc.MsgPack;
import java.io.IOException;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;

/**
 * {@code carla::rpc::EpisodeInfo}, the reply of {@code get_episode_info}: {@code
 * MSGPACK_DEFINE_ARRAY(id, token)} with a {@code uint64_t} id and the episode state stream's token
 * (rpc/EpisodeInfo.h:22-28; CarlaServer.cpp:452-456 answers {@code BroadcastStream.token()}).
 */
public record EpisodeInfo(long id, StreamToken token) {

    public void pack(MessagePacker p) throws IOException {
        p.packArrayHeader(2);
        p.packLong(id);
        token.pack(p);
    }

    public static EpisodeInfo unpack(MessageUnpacker u) throws IOException {
        MsgPack.expectArray(u, 2, "rpc::EpisodeInfo");
        return new EpisodeInfo(u.unpackLong(), StreamToken.unpack(u));
    }
}
