package dev.drivenotes.app;

import java.net.URI;
import java.util.Map;

/** The four services, up and reachable, however they run (one JVM or one process each). */
interface RunningSuite extends AutoCloseable {

    /** Base URL by {@link SuiteService#serviceName()}. */
    Map<String, URI> urls();

    default URI orchestrator() {
        return urls().get(SuiteService.ORCHESTRATOR.serviceName());
    }

    default URI reporter() {
        return urls().get(SuiteService.REPORTER.serviceName());
    }

    @Override
    void close();
}
