package dev.drivenotes.carla.sim.embedded;

import dev.drivenotes.carla.episode.RouteChooser;
import dev.drivenotes.carla.map.LoadedMap;
import dev.drivenotes.carla.map.MapCatalog;
import dev.drivenotes.carla.map.places.PlannedRoute;
import dev.drivenotes.carla.sim.SimulationLimitException;
import dev.drivenotes.carla.sim.Simulator;
import dev.drivenotes.carla.sim.SimulatorCapacity;
import dev.drivenotes.carla.sim.UnknownSimulationException;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.CreateSimulationRequest;
import dev.drivenotes.model.sim.SimulationState;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pure-Java backend of the {@link Simulator} port, over OpenDRIVE maps: each {@link Simulation}
 * drives one ego vehicle among the requested number of background vehicles and the map's traffic
 * lights and stop signs. At most {@link #MAX_LIVE} simulations live at once; finished ones stay readable until
 * destroyed.
 */
public final class EmbeddedSimulator implements Simulator {

    public static final int MAX_LIVE = 256;

    private final MapCatalog maps;
    private final Map<String, Simulation> live = new ConcurrentHashMap<>();

    public EmbeddedSimulator(MapCatalog maps) {
        this.maps = maps;
    }

    @Override
    public SimulationState create(CreateSimulationRequest request) {
        LoadedMap map = maps.load(request.map());
        PlannedRoute plan = RouteChooser.choose(map, request.seed(), request.route());
        String id = "sim-" + UUID.randomUUID();
        Simulation simulation = new Simulation(id, request, map, plan);
        synchronized (live) {
            if (live.size() >= MAX_LIVE) {
                throw new SimulationLimitException(MAX_LIVE);
            }
            live.put(id, simulation);
        }
        return simulation.state();
    }

    @Override
    public SimulationState step(String simulationId, Control control) {
        return get(simulationId).step(control);
    }

    @Override
    public SimulationState state(String simulationId) {
        return get(simulationId).state();
    }

    @Override
    public void destroy(String simulationId) {
        if (live.remove(simulationId) == null) {
            throw new UnknownSimulationException(simulationId);
        }
    }

    @Override
    public SimulatorCapacity capacity() {
        return new SimulatorCapacity("embedded", MAX_LIVE);
    }

    public int liveCount() {
        return live.size();
    }

    private Simulation get(String simulationId) {
        Simulation s = live.get(simulationId);
        if (s == null) {
            throw new UnknownSimulationException(simulationId);
        }
        return s;
    }
}
