package dev.drivenotes.carla.map;

import dev.drivenotes.carla.map.opendrive.OpenDriveLoader;
import dev.drivenotes.carla.map.opendrive.OpenDriveMap;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** Small OpenDRIVE maps written inline, for tests that need to know every lane's exact place. */
public final class TestRoads {

    /** Width of every lane of {@link #straight}. */
    public static final double LANE_WIDTH_M = 3.5;

    private TestRoads() {}

    /**
     * One straight road "1" of {@code lengthM} along +x from the origin, without links, with {@code
     * right} driving lanes (ids -1, -2, ...: centres at y = -1.75, -5.25, ...) and {@code left} ones
     * (1, 2, ...), each separated from the next by a {@code mark} ("broken", "solid", ...).
     */
    public static OpenDriveMap straight(double lengthM, int right, int left, String mark) {
        StringBuilder lanes = new StringBuilder("<left>");
        for (int id = left; id >= 1; id--) {
            lanes.append(lane(id, mark));
        }
        lanes.append("</left><center><lane id=\"0\" type=\"none\"><roadMark sOffset=\"0\" type=\"solid\"/></lane>")
                .append("</center><right>");
        for (int id = -1; id >= -right; id--) {
            lanes.append(lane(id, mark));
        }
        lanes.append("</right>");
        String xml = "<OpenDRIVE><header revMajor=\"1\" revMinor=\"4\"/><road id=\"1\" length=\"" + lengthM
                + "\" junction=\"-1\"><planView><geometry s=\"0\" x=\"0\" y=\"0\" hdg=\"0\" length=\"" + lengthM
                + "\"><line/></geometry></planView><lanes><laneSection s=\"0\">" + lanes
                + "</laneSection></lanes></road></OpenDRIVE>";
        return OpenDriveLoader.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test.xodr");
    }

    private static String lane(int id, String mark) {
        return "<lane id=\"" + id + "\" type=\"driving\"><width sOffset=\"0\" a=\"" + LANE_WIDTH_M
                + "\" b=\"0\" c=\"0\" d=\"0\"/><roadMark sOffset=\"0\" type=\"" + mark + "\"/></lane>";
    }
}
