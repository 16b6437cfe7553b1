package dev.drivenotes.carla.api;

import dev.drivenotes.carla.sim.Simulator;
import dev.drivenotes.carla.sim.SimulatorCapacity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Which backend runs the simulations and how many may live at once. */
@RestController
class SimulatorController {

    private final Simulator simulator;

    SimulatorController(Simulator simulator) {
        this.simulator = simulator;
    }

    @GetMapping("/v1/simulator")
    SimulatorCapacity simulator() {
        return simulator.capacity();
    }
}
