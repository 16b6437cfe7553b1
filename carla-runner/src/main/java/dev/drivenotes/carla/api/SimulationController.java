package dev.drivenotes.carla.api;

import dev.drivenotes.carla.sim.SimulationFinishedException;
import dev.drivenotes.carla.sim.SimulationLimitException;
import dev.drivenotes.carla.sim.Simulator;
import dev.drivenotes.carla.sim.SimulatorFailureException;
import dev.drivenotes.carla.sim.UnknownSimulationException;
import dev.drivenotes.model.sim.CreateSimulationRequest;
import dev.drivenotes.model.sim.SimulationState;
import dev.drivenotes.model.sim.StepRequest;
import dev.drivenotes.platform.web.ConflictException;
import dev.drivenotes.platform.web.NotFoundException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import java.net.URI;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Simulations over HTTP: create, step, read, destroy. Counts {@value #STEPS} (its rate is the
 * simulation steps per second) and times each step ({@value #STEP_LATENCY}, with a histogram for
 * percentiles).
 */
@RestController
@RequestMapping("/v1/simulations")
class SimulationController {

    static final String STEPS = "drivenotes.simulation.steps";
    static final String STEP_LATENCY = "drivenotes.simulation.step.latency";

    private static final Logger log = LoggerFactory.getLogger(SimulationController.class);

    private final Simulator simulator;
    private final Counter steps;
    private final Timer stepLatency;

    SimulationController(Simulator simulator, MeterRegistry meters) {
        this.simulator = simulator;
        this.steps =
                Counter.builder(STEPS).description("simulation steps taken").register(meters);
        this.stepLatency = Timer.builder(STEP_LATENCY)
                .description("time the simulator takes for one step")
                .publishPercentileHistogram()
                .register(meters);
    }

    /** A simulation as the orchestrator asks for one (no route: the seed picks one). */
    static final String CREATE_EXAMPLE = """
            {"map": "default-town", "seed": 11, "maxSteps": 3000, "npcCount": 20, "gnssNoiseM": 1.5,
             "fixedDeltaSeconds": 0.05, "weather": "ClearNoon", "birdEyeSizePx": 0}""";

    static final String STEP_EXAMPLE = """
            {"control": {"steer": -0.05, "throttle": 0.4, "brake": 0.0}}""";

    @PostMapping
    ResponseEntity<SimulationState> create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(
                                                            name = "a random route with traffic",
                                                            value = CREATE_EXAMPLE)))
                    @RequestBody
                    CreateSimulationRequest request) {
        SimulationState state = translated(() -> simulator.create(request));
        log.info(
                "simulation {} created on {} (seed {}, {} NPCs)",
                state.simulationId(),
                request.map(),
                request.seed(),
                request.npcCount());
        return ResponseEntity.created(URI.create("/v1/simulations/" + state.simulationId()))
                .body(state);
    }

    @PostMapping("/{id}/step")
    SimulationState step(
            @PathVariable String id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(
                                                            name = "gentle throttle, slight left",
                                                            value = STEP_EXAMPLE)))
                    @RequestBody
                    StepRequest request) {
        SimulationState next = stepLatency.record(() -> translated(() -> simulator.step(id, request.control())));
        steps.increment();
        return next;
    }

    @GetMapping("/{id}")
    SimulationState state(@PathVariable String id) {
        return translated(() -> simulator.state(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> destroy(@PathVariable String id) {
        translated(() -> {
            simulator.destroy(id);
            return id;
        });
        log.info("simulation {} destroyed", id);
        return ResponseEntity.noContent().build();
    }

    /**
     * A failed simulator (a CARLA server lost or crashed) as a 502 problem detail whose detail is the
     * reason, which the orchestrator records as the episode's failure reason.
     */
    @ExceptionHandler(SimulatorFailureException.class)
    ProblemDetail simulatorFailed(SimulatorFailureException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, e.getMessage());
        problem.setTitle("Simulator failed");
        return problem;
    }

    /** Maps the simulator's own failures onto the platform's problem-details exceptions. */
    private static <T> T translated(Supplier<T> call) {
        try {
            return call.get();
        } catch (UnknownSimulationException e) {
            throw new NotFoundException("simulation", e.simulationId());
        } catch (SimulationFinishedException | SimulationLimitException e) {
            throw new ConflictException(e.getMessage());
        }
    }
}
