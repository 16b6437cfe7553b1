/**
 * CARLA 0.9.15's records as they travel in msgpack: each type packs and reads itself in exactly the
 * layout its LibCarla class declares with {@code MSGPACK_DEFINE_ARRAY} (an array of its fields in
 * declaration order), {@code float} fields as msgpack float32, enums as their integer value
 * ({@code MSGPACK_ADD_ENUM}), byte vectors as msgpack bin. The LibCarla file and line of every
 * layout is cited where the type is declared.
 */
package dev.drivenotes.carla.client.protocol;
