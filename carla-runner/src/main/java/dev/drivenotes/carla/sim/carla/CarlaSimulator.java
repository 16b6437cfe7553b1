package dev.drivenotes.carla.sim.carla;

import dev.drivenotes.carla.client.CarlaEndpoint;
import dev.drivenotes.carla.client.CarlaException;
import dev.drivenotes.carla.episode.RouteChooser;
import dev.drivenotes.carla.map.LoadedMap;
import dev.drivenotes.carla.map.MapCatalog;
import dev.drivenotes.carla.map.places.PlannedRoute;
import dev.drivenotes.carla.sim.SimulationLimitException;
import dev.drivenotes.carla.sim.Simulator;
import dev.drivenotes.carla.sim.SimulatorCapacity;
import dev.drivenotes.carla.sim.SimulatorFailureException;
import dev.drivenotes.carla.sim.UnknownSimulationException;
import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.CreateSimulationRequest;
import dev.drivenotes.model.sim.SimulationState;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CARLA backend of the {@link Simulator} port. One CARLA server runs one world, and a
 * simulation owns it while it lives (synchronous mode, its step, its actors): so simulations run one
 * after another, at most {@link #MAX_LIVE} at a time; {@link #capacity} tells callers (the
 * orchestrator caps the episodes it drives at once by it). A simulation's map must be the map the
 * server has loaded ({@code serverMap}); its world is given back when it is destroyed, or at once
 * when CARLA fails.
 */
public final class CarlaSimulator implements Simulator {

    public static final int MAX_LIVE = 1;

    private final CarlaEndpoint endpoint;
    private final MapCatalog maps;
    private final String serverMap;
    private final Map<String, CarlaSimulation> live = new ConcurrentHashMap<>();
    private int reserved;

    /** @param serverMap the catalog's reference of the map the server has loaded ({@link ServerMap#name}) */
    public CarlaSimulator(CarlaEndpoint endpoint, MapCatalog maps, String serverMap) {
        this.endpoint = endpoint;
        this.maps = maps;
        this.serverMap = serverMap;
    }

    @Override
    public SimulationState create(CreateSimulationRequest request) {
        if (!request.map().strip().equals(serverMap)) {
            throw new InvalidInputException(
                    "map",
                    "the CARLA server at " + endpoint + " has " + serverMap + " loaded, not '" + request.map() + "'");
        }
        LoadedMap map = maps.load(serverMap);
        PlannedRoute plan = RouteChooser.choose(map, request.seed(), request.route());
        reserve();
        String id = "carla-" + UUID.randomUUID();
        try {
            CarlaSimulation simulation = CarlaSimulation.start(id, request, map, plan, open());
            live.put(id, simulation);
            return simulation.state();
        } finally {
            release();
        }
    }

    private CarlaSession open() {
        try {
            return CarlaSession.open(endpoint);
        } catch (CarlaException e) {
            throw new SimulatorFailureException(e.getMessage(), e);
        }
    }

    /** Claims the world for a simulation being set up, so that two creates never share it. */
    private synchronized void reserve() {
        if (live.size() + reserved >= MAX_LIVE) {
            throw new SimulationLimitException(MAX_LIVE);
        }
        reserved++;
    }

    private synchronized void release() {
        reserved--;
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
        CarlaSimulation simulation = live.remove(simulationId);
        if (simulation == null) {
            throw new UnknownSimulationException(simulationId);
        }
        simulation.close();
    }

    @Override
    public SimulatorCapacity capacity() {
        return new SimulatorCapacity("carla", MAX_LIVE);
    }

    private CarlaSimulation get(String simulationId) {
        CarlaSimulation s = live.get(simulationId);
        if (s == null) {
            throw new UnknownSimulationException(simulationId);
        }
        return s;
    }
}
