package dev.drivenotes.app;

import dev.drivenotes.carla.map.MapCatalog;
import dev.drivenotes.carla.sim.embedded.EmbeddedSimulator;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.CreateSimulationRequest;
import dev.drivenotes.model.sim.Observation;
import dev.drivenotes.model.sim.SimulationState;
import dev.drivenotes.model.sim.VehicleSpec;
import dev.drivenotes.model.sim.Waypoint;
import java.util.Map;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One embedded simulation driven by a pure-pursuit driver on its own observation (so the ego stays
 * on the road and every step builds a full observation). A finished episode is replaced by a new
 * one inside the measured step: episode turnover is part of the cost. Public for JMH.
 */
@State(Scope.Thread)
public class BenchSimState {

    @Param("")
    public String mapFile;

    @Param("0")
    public int npcs;

    private EmbeddedSimulator simulator;
    private String id;
    private SimulationState state;
    private long seed;

    @Setup(Level.Trial)
    public void setUp() {
        simulator = new EmbeddedSimulator(new MapCatalog(Map.of()));
        restart();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        simulator.destroy(id);
    }

    /** One ego env-step (observation included); returns the state so JMH consumes it. */
    public SimulationState step() {
        if (state.done()) {
            simulator.destroy(id);
            restart();
        }
        state = simulator.step(id, drive(state.observation()));
        return state;
    }

    private void restart() {
        state = simulator.create(
                new CreateSimulationRequest(mapFile, seed++, null, 1_000_000, npcs, 0.5, 0, 0.05, null, 0, null));
        id = state.simulationId();
    }

    static Control drive(Observation obs) {
        double steer = 0;
        if (obs.routeWaypoints().size() > 2) {
            Waypoint target = obs.routeWaypoints().get(2);
            double lookahead2 = target.x() * target.x() + target.y() * target.y();
            if (lookahead2 > 1) {
                double wheelAngleRad = Math.atan(VehicleSpec.EGO.wheelbaseM() * 2 * target.y() / lookahead2);
                steer = VehicleSpec.EGO.steerFor(wheelAngleRad);
            }
        }
        double targetSpeed = Math.min(Math.min(obs.speedLimitMps(), 7), Math.max(1.0, obs.distanceToGoM() * 0.5));
        if (obs.lead() != null && obs.lead().gapM() < 15) {
            targetSpeed = Math.min(targetSpeed, Math.max(0, obs.lead().gapM() - 6) * 0.5);
        }
        double error = targetSpeed - obs.speedMps();
        return Control.clamped(steer, error * 0.6, -error * 0.6);
    }
}
