package dev.drivenotes.carla.client.protocol;

/**
 * {@code carla::rpc::ActorAttributeType}, a {@code uint8_t} enum (rpc/ActorAttributeType.h:14-23)
 * packed as its number ({@code MSGPACK_ADD_ENUM}, rpc/ActorAttribute.h:15).
 */
public enum ActorAttributeType {
    BOOL,
    INT,
    FLOAT,
    STRING,
    RGB_COLOR;

    public int code() {
        return ordinal();
    }

    public static ActorAttributeType of(int code) {
        if (code < 0 || code >= values().length) {
            throw new org.msgpack.core.MessageTypeException("rpc::ActorAttributeType " + code + " is not 0..4");
        }
        return values()[code];
    }
}
