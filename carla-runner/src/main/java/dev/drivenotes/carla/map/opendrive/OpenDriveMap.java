package dev.drivenotes.carla.map.opendrive;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed OpenDRIVE file: roads, junctions, signals (by id), signal references and controllers
 * (by id), in file order. The signal queries scan all signals: call them once when a simulation
 * is set up, not per step.
 */
public record OpenDriveMap(
        MapHeader header,
        Map<String, Road> roads,
        Map<String, Junction> junctions,
        Map<String, Signal> signals,
        List<SignalReference> signalReferences,
        Map<String, Controller> controllers) {

    public OpenDriveMap {
        roads = Collections.unmodifiableMap(new LinkedHashMap<>(roads));
        junctions = Collections.unmodifiableMap(new LinkedHashMap<>(junctions));
        signals = Collections.unmodifiableMap(new LinkedHashMap<>(signals));
        signalReferences = List.copyOf(signalReferences);
        controllers = Collections.unmodifiableMap(new LinkedHashMap<>(controllers));
    }

    public double totalRoadLengthM() {
        double sum = 0;
        for (Road r : roads.values()) {
            sum += r.length();
        }
        return sum;
    }

    /** Every place a signal acts: each signal at its own road position, then each resolved reference. */
    public List<SignalPlacement> signalPlacements() {
        List<SignalPlacement> out = new ArrayList<>();
        for (Signal sig : signals.values()) {
            out.add(new SignalPlacement(sig, sig.roadId(), sig.s(), sig.orientation(), sig.validities(), false));
        }
        for (SignalReference ref : signalReferences) {
            Signal sig = signals.get(ref.signalId());
            if (sig != null) {
                out.add(new SignalPlacement(sig, ref.roadId(), ref.s(), ref.orientation(), ref.validities(), true));
            }
        }
        return out;
    }

    /** Signal placements on {@code roadId} that apply to lane {@code laneId}, ordered by s. */
    public List<SignalPlacement> signalsFor(String roadId, int laneId) {
        return signalPlacements().stream()
                .filter(p -> p.roadId().equals(roadId) && p.appliesTo(laneId))
                .sorted(Comparator.comparingDouble(SignalPlacement::s))
                .toList();
    }

    /**
     * The traffic-light groups (phases) of a junction: one {@link Controller} per junction
     * {@code <controller>} reference, keeping only traffic-light signals. A junction without
     * controller references gets one synthetic group (id {@code "<junction>/<incoming road>"}) per
     * incoming road holding the traffic lights placed on that road or on the connecting roads it
     * feeds. Empty for unsignalised junctions.
     */
    public List<Controller> trafficLightGroups(String junctionId) {
        Junction junction = junctions.get(junctionId);
        if (junction == null) {
            return List.of();
        }
        List<Controller> out = new ArrayList<>();
        for (String cid : junction.controllerIds()) {
            Controller c = controllers.get(cid);
            if (c != null) {
                List<String> lights = c.signalIds().stream()
                        .filter(id -> signals.containsKey(id) && signals.get(id).trafficLight())
                        .toList();
                if (!lights.isEmpty()) {
                    out.add(new Controller(c.id(), c.name(), c.sequence(), lights));
                }
            }
        }
        if (!out.isEmpty() || !junction.controllerIds().isEmpty()) {
            return out;
        }
        Map<String, Set<String>> byIncoming = new LinkedHashMap<>();
        List<SignalPlacement> placements = signalPlacements();
        for (Junction.Connection c : junction.connections()) {
            Set<String> ids = byIncoming.computeIfAbsent(c.incomingRoad(), k -> new LinkedHashSet<>());
            for (SignalPlacement p : placements) {
                boolean here = p.roadId().equals(c.connectingRoad())
                        || (p.roadId().equals(c.incomingRoad()) && nearJunctionEnd(p, junctionId));
                if (here && p.signal().trafficLight()) {
                    ids.add(p.signal().id());
                }
            }
        }
        int seq = 0;
        for (var e : byIncoming.entrySet()) {
            if (!e.getValue().isEmpty()) {
                out.add(new Controller(junctionId + "/" + e.getKey(), "", seq++, List.copyOf(e.getValue())));
            }
        }
        return out;
    }

    /** A placement on an incoming road counts for the junction when it sits on the half next to it, facing it. */
    private boolean nearJunctionEnd(SignalPlacement p, String junctionId) {
        return (p.orientation() != SignalOrientation.MINUS && junctionId.equals(junctionAhead(p, -1)))
                || (p.orientation() != SignalOrientation.PLUS && junctionId.equals(junctionAhead(p, 1)));
    }

    /**
     * The junction that traffic in lane {@code laneId} of the placement's road drives into, when the
     * placement sits on the half of the road next to it (a light or sign at the junction entry);
     * null otherwise. Right lanes (negative ids) drive into the road's successor, left lanes into its
     * predecessor.
     */
    public String junctionAhead(SignalPlacement p, int laneId) {
        Road road = roads.get(p.roadId());
        if (road == null || laneId == 0) {
            return null;
        }
        boolean forward = laneId < 0;
        RoadLink ahead = forward ? road.successor() : road.predecessor();
        boolean nearHalf = forward ? p.s() >= road.length() / 2 : p.s() <= road.length() / 2;
        return ahead != null && ahead.elementType() == RoadLink.ElementType.JUNCTION && nearHalf
                ? ahead.elementId()
                : null;
    }
}
