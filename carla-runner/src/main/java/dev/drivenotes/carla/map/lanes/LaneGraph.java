package dev.drivenotes.carla.map.lanes;

import dev.drivenotes.carla.map.opendrive.Road;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Driving lanes as nodes; a successor edge leads from a lane's end to a lane that continues it; a
 * lane-change edge leads to the adjacent same-direction driving lane of the same lane section
 * when the road mark between them may be crossed somewhere along the section.
 */
public final class LaneGraph {

    private final List<LaneNode> nodes;
    private final int[][] successors;
    private final int[] leftChanges;
    private final int[] rightChanges;

    LaneGraph(List<LaneNode> nodes, int[][] successors) {
        this(nodes, successors, filled(nodes.size()), filled(nodes.size()));
    }

    LaneGraph(List<LaneNode> nodes, int[][] successors, int[] leftChanges, int[] rightChanges) {
        this.nodes = List.copyOf(nodes);
        this.successors = successors;
        this.leftChanges = leftChanges;
        this.rightChanges = rightChanges;
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, -1);
        return a;
    }

    /**
     * The node a legal lane change to the LEFT (in the driving direction) leads to, or -1. Whether
     * crossing is legal at a given s: {@link Road#crossingAllowed(double, int, int)}.
     */
    public int leftChange(int index) {
        return leftChanges[index];
    }

    /** The node a legal lane change to the RIGHT (in the driving direction) leads to, or -1. */
    public int rightChange(int index) {
        return rightChanges[index];
    }

    public List<LaneNode> nodes() {
        return nodes;
    }

    public LaneNode node(int index) {
        return nodes.get(index);
    }

    public int size() {
        return nodes.size();
    }

    public int[] successors(int index) {
        return successors[index].clone();
    }

    /** Number of successors of node {@code index} (with {@link #successor}: iteration without a copy). */
    public int successorCount(int index) {
        return successors[index].length;
    }

    public int successor(int index, int k) {
        return successors[index][k];
    }

    /** Nodes reachable from {@code start} (including itself), as a visited mask. */
    public boolean[] reachableFrom(int start) {
        boolean[] seen = new boolean[nodes.size()];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(start);
        seen[start] = true;
        while (!queue.isEmpty()) {
            int n = queue.poll();
            for (int s : successors[n]) {
                if (!seen[s]) {
                    seen[s] = true;
                    queue.add(s);
                }
            }
        }
        return seen;
    }
}
