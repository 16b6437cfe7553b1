package dev.drivenotes.orchestrator.experiment;

import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.sim.RouteSpec;
import dev.drivenotes.orchestrator.clients.SimulatorClient;
import dev.drivenotes.platform.remote.RemoteServiceException;
import dev.drivenotes.platform.web.DependencyUnavailableException;
import java.util.HashSet;
import java.util.Set;

/**
 * What carla-runner checks before an experiment is accepted, so that a bad one is a 400 at
 * submission instead of a failure later: the map loads, and every route joins two places of it (a
 * 400 names {@code map}, {@code routes[i].from} or {@code routes[i].to}). carla-runner not
 * answering is a 503: nothing is accepted unchecked.
 */
final class SubmissionCheck {

    private SubmissionCheck() {}

    static void check(SimulatorClient simulator, ExperimentConfig config) {
        ask("map", () -> simulator.mapSummary(config.map()));
        Set<RouteSpec> checked = new HashSet<>();
        for (int i = 0; i < config.routes().size(); i++) {
            RouteSpec route = config.routes().get(i);
            if (checked.add(route)) {
                ask("routes[" + i + "]", () -> simulator.route(config.map(), route));
            }
        }
    }

    /** Runs one check; {@code field} is where its failure lands when carla-runner names no field of it. */
    private static void ask(String field, Runnable check) {
        try {
            check.run();
        } catch (RemoteServiceException e) {
            if (e.clientError()) {
                throw new InvalidInputException(fieldOf(field, e.field()), e.detail());
            }
            throw new DependencyUnavailableException(
                    e.service(), "cannot check the experiment with " + e.service() + ": " + e.getMessage(), e);
        }
    }

    private static String fieldOf(String checked, String remote) {
        if ("map".equals(remote)) {
            return "map";
        }
        if (remote == null || remote.isBlank() || checked.equals("map")) {
            return checked;
        }
        return checked + "." + remote;
    }
}
