package dev.drivenotes.app;

import java.net.URI;

/** The four services, up and reachable, however they run (one JVM or one process each). */
interface RunningSuite extends AutoCloseable {

    URI orchestrator();

    URI reporter();

    @Override
    void close();
}
