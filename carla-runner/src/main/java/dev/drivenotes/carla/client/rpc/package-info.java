/**
 * rpclib's msgpack-rpc as CARLA 0.9.15 uses it: requests {@code [0, msgid, method, [metadata,
 * args...]]}, replies {@code [1, msgid, error, result]} matched to their call by msgid (replies may
 * come in any order), results wrapped in CARLA's {@code rpc::Response<T>}.
 */
package dev.drivenotes.carla.client.rpc;
