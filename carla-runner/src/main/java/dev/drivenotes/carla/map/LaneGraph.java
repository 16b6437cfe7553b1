package dev.drivenotes.carla.map;

import java.util.ArrayDeque;
import java.util.List;

/** Driving lanes as nodes; an edge leads from a lane's end to a lane that continues it. */
public final class LaneGraph {

    private final List<LaneNode> nodes;
    private final int[][] successors;

    LaneGraph(List<LaneNode> nodes, int[][] successors) {
        this.nodes = List.copyOf(nodes);
        this.successors = successors;
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

    int successorCount(int index) {
        return successors[index].length;
    }

    int successor(int index, int k) {
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
