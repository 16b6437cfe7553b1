package dev.drivenotes.app;

import dev.drivenotes.carla.map.geometry.SpiralGeometry;
import dev.drivenotes.carla.town.TownGenerator;
import dev.drivenotes.carla.town.TownSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The built-in maps of {@code drivenotes bench map-load}, written into a folder on demand. */
final class BenchMapLoadMaps {

    static final String LONG_SPIRALS = "long-spirals";

    /** Spiral records of the long-spirals road, each this long. */
    static final double SPIRAL_M = 1000;

    /** Peak curvature of the long-spirals road (1/m): a 1 km radius, a highway curve. */
    static final double PEAK_CURVATURE = 0.001;

    private static final int SPIRALS = 8;

    private BenchMapLoadMaps() {}

    /** The .xodr file of a built-in map name, or null when the name is not built in. */
    static Path write(String name, Path dir) {
        return switch (name) {
            case TownGenerator.DEFAULT_TOWN -> new TownGenerator(TownSettings.DEFAULT).writeTo(dir, name);
            case LONG_SPIRALS -> longSpirals(dir.resolve(name + ".xodr"));
            default -> null;
        };
    }

    /**
     * One two-lane road of {@value #SPIRALS} clothoids of {@value #SPIRAL_M} m, curvature rising from
     * 0 to ±{@value #PEAK_CURVATURE} and back (an S-curved highway without lines or arcs), each record
     * starting where the previous one ends: the case whose sampling cost grew with the square of the
     * spiral length.
     */
    static Path longSpirals(Path file) {
        StringBuilder planView = new StringBuilder();
        double[] end = {0, 0, 0};
        for (int i = 0; i < SPIRALS; i++) {
            double peak = (i / 2 % 2 == 0 ? 1 : -1) * PEAK_CURVATURE;
            double curvStart = i % 2 == 0 ? 0 : peak;
            double curvEnd = i % 2 == 0 ? peak : 0;
            double s = i * SPIRAL_M;
            planView.append(String.format(
                    Locale.ROOT,
                    "<geometry s=\"%s\" x=\"%s\" y=\"%s\" hdg=\"%s\" length=\"%s\">"
                            + "<spiral curvStart=\"%s\" curvEnd=\"%s\"/></geometry>%n",
                    s,
                    end[0],
                    end[1],
                    end[2],
                    SPIRAL_M,
                    curvStart,
                    curvEnd));
            new SpiralGeometry(s, end[0], end[1], end[2], SPIRAL_M, curvStart, curvEnd).evaluate(SPIRAL_M, end);
        }
        String lane = "<lane id=\"%d\" type=\"driving\"><width sOffset=\"0\" a=\"3.5\" b=\"0\" c=\"0\" d=\"0\"/>"
                + "<roadMark sOffset=\"0\" type=\"broken\"/></lane>";
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<OpenDRIVE><header revMajor=\"1\" revMinor=\"4\""
                + " name=\"long-spirals\"/>\n<road id=\"1\" name=\"Spiral Highway\" length=\""
                + String.format(Locale.ROOT, "%s", SPIRALS * SPIRAL_M) + "\" junction=\"-1\">\n<planView>\n"
                + planView + "</planView>\n<lanes><laneSection s=\"0\"><left>" + lane.formatted(1)
                + "</left><center><lane id=\"0\" type=\"none\"/></center><right>" + lane.formatted(-1)
                + "</right></laneSection></lanes>\n</road>\n</OpenDRIVE>\n";
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, xml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
