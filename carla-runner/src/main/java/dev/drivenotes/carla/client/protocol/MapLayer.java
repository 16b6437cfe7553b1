package dev.drivenotes.carla.client.protocol;

/**
 * {@code carla::rpc::MapLayer}, {@code uint16_t} flags (rpc/MapLayer.h:16-31) packed as their number
 * ({@code MSGPACK_ADD_ENUM}, MapLayer.h:38): the last argument of {@code load_new_episode}.
 */
public final class MapLayer {

    public static final int NONE = 0;
    /** Every layer: the Python API's default for {@code load_world}. */
    public static final int ALL = 0xFFFF;

    private MapLayer() {}
}
