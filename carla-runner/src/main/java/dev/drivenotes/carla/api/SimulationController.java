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
import java.net.URI;
import java.util.function.Supplier;
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

/** Simulations over HTTP: create, step, read, destroy. */
@RestController
@RequestMapping("/v1/simulations")
class SimulationController {

    private final Simulator simulator;

    SimulationController(Simulator simulator) {
        this.simulator = simulator;
    }

    @PostMapping
    ResponseEntity<SimulationState> create(@RequestBody CreateSimulationRequest request) {
        SimulationState state = translated(() -> simulator.create(request));
        return ResponseEntity.created(URI.create("/v1/simulations/" + state.simulationId()))
                .body(state);
    }

    @PostMapping("/{id}/step")
    SimulationState step(@PathVariable String id, @RequestBody StepRequest request) {
        return translated(() -> simulator.step(id, request.control()));
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
