package dev.drivenotes.carla.client.stream;

/** Receives each message of a stream, on the stream's reader thread; the bytes are reused afterwards. */
@FunctionalInterface
public interface FrameSink {

    void accept(byte[] message, int length);
}
