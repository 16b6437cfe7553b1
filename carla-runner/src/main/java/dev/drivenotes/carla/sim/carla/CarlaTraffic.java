package dev.drivenotes.carla.sim.carla;

import dev.drivenotes.carla.client.protocol.ActorDescription;
import dev.drivenotes.carla.client.protocol.BatchResult;
import dev.drivenotes.carla.client.protocol.CommandBatch;
import dev.drivenotes.carla.traffic.TrafficFleet;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background vehicles of a simulation in CARLA: spawned in one batch where the traffic model
 * put them, with physics off (they are placed, not driven: no Traffic Manager, which lives in
 * LibCarla's client), then placed every tick by an {@code ApplyTransform} each, in the tick's batch.
 * A vehicle CARLA refuses to spawn (its place is taken) drives in the traffic model only.
 */
final class CarlaTraffic {

    private static final Logger log = LoggerFactory.getLogger(CarlaTraffic.class);

    private final TrafficFleet fleet;
    private final RoadHeights heights;
    private final int[] ids;

    private CarlaTraffic(TrafficFleet fleet, RoadHeights heights, int[] ids) {
        this.fleet = fleet;
        this.heights = heights;
        this.ids = ids;
    }

    /** Spawns a car (of {@code cars}, one per vehicle) for every active vehicle of the fleet. */
    static CarlaTraffic spawn(
            CarlaSession session,
            TrafficFleet fleet,
            RoadHeights heights,
            ActorDescription[] cars,
            String simulationId) {
        int[] ids = new int[fleet.count()];
        Arrays.fill(ids, -1);
        CarlaTraffic traffic = new CarlaTraffic(fleet, heights, ids);
        CommandBatch spawns = new CommandBatch();
        int[] vehicleOf = new int[fleet.count()];
        for (int i = 0; i < fleet.count(); i++) {
            if (fleet.active(i)) {
                vehicleOf[spawns.size()] = i;
                spawns.spawn(
                        cars[i],
                        (float) fleet.x(i),
                        CarlaCoordinates.flipY(fleet.y(i)),
                        traffic.zM(i),
                        0,
                        CarlaCoordinates.yawDeg(fleet.yawRad(i)),
                        0,
                        true);
            }
        }
        if (spawns.size() == 0) {
            return traffic;
        }
        BatchResult spawned = session.spawnBatch(spawns);
        String refusal = null;
        int refused = 0;
        for (int k = 0; k < spawned.size(); k++) {
            if (spawned.error(k) == null) {
                ids[vehicleOf[k]] = spawned.actor(k);
            } else {
                refused++;
                refusal = spawned.error(k);
            }
        }
        if (refused > 0) {
            log.warn(
                    "simulation {}: CARLA refused {} of {} background vehicles ({}); they drive in the traffic model only",
                    simulationId,
                    refused,
                    spawns.size(),
                    refusal);
        }
        return traffic;
    }

    private float zM(int vehicle) {
        return (float) heights.zM(fleet.lane(vehicle), fleet.alongM(vehicle));
    }

    /** Adds every spawned vehicle's place after the traffic model's last step to the tick's batch. */
    void place(CommandBatch batch) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] >= 0 && fleet.active(i)) {
                batch.transform(
                        ids[i],
                        (float) fleet.x(i),
                        CarlaCoordinates.flipY(fleet.y(i)),
                        zM(i),
                        0,
                        CarlaCoordinates.yawDeg(fleet.yawRad(i)),
                        0);
            }
        }
    }
}
