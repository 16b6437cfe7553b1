package dev.drivenotes.carla.client.protocol;

/**
 * {@code carla::rpc::ActorState}, a {@code uint8_t} enum (rpc/ActorState.h:14-19), one byte of every
 * actor's record in the episode state stream.
 */
public enum ActorState {
    INVALID,
    ACTIVE,
    DORMANT,
    PENDING_KILL;

    public static ActorState of(int code) {
        return code >= 0 && code < values().length ? values()[code] : INVALID;
    }
}
