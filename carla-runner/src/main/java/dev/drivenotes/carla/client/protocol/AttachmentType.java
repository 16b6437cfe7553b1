package dev.drivenotes.carla.client.protocol;

/**
 * {@code carla::rpc::AttachmentType}, a {@code uint8_t} enum (rpc/AttachmentType.h:16-23) packed as
 * its number ({@code MSGPACK_ADD_ENUM}, AttachmentType.h:28): the last argument of {@code
 * spawn_actor_with_parent}.
 */
public enum AttachmentType {
    RIGID,
    SPRING_ARM,
    SPRING_ARM_GHOST;

    public int code() {
        return ordinal();
    }
}
