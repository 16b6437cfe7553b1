package dev.drivenotes.carla.map.opendrive;

import dev.drivenotes.carla.map.geometry.CubicPoly;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a road's {@code <lanes>}: lane offsets and lane sections with their lanes (widths, borders,
 * road marks, lane links). Lanes go left or right by the sign of their id; the centre lane (id 0)
 * contributes only its road marks. Speed, material, height and access records are skipped.
 */
final class LanesReader {

    private static final Comparator<CubicPoly> BY_START = Comparator.comparingDouble(CubicPoly::start);

    private final Elements in;
    private final List<CubicPoly> laneOffsets = new ArrayList<>();
    private final List<LaneSection> sections = new ArrayList<>();

    LanesReader(Elements in) {
        this.in = in;
    }

    /** Lane offset records sorted by s. */
    List<CubicPoly> laneOffsets() {
        return laneOffsets.stream().sorted(BY_START).toList();
    }

    /** Lane sections sorted by s. */
    List<LaneSection> sections() {
        return sections.stream()
                .sorted(Comparator.comparingDouble(LaneSection::s))
                .toList();
    }

    void read() {
        while (in.nextChild()) {
            switch (in.name()) {
                case "laneOffset" -> {
                    laneOffsets.add(in.poly(in.num("s", 0)));
                    in.skip();
                }
                case "laneSection" -> laneSection();
                default -> in.skip();
            }
        }
    }

    private void laneSection() {
        double s = in.num("s", 0);
        Section section = new Section();
        while (in.nextChild()) {
            switch (in.name()) {
                case "left", "center", "right" -> {
                    while (in.nextChild()) {
                        if ("lane".equals(in.name())) {
                            lane(section);
                        } else {
                            in.skip();
                        }
                    }
                }
                default -> in.skip();
            }
        }
        section.left.sort(Comparator.comparingInt(Lane::id));
        section.right.sort(Comparator.comparingInt(l -> -l.id()));
        checkConsecutive(s, section.left, 1);
        checkConsecutive(s, section.right, -1);
        sections.add(new LaneSection(s, section.left, section.right, section.centerMarks));
    }

    /** The lanes of one section while it is read. */
    private static final class Section {
        final List<Lane> left = new ArrayList<>();
        final List<Lane> right = new ArrayList<>();
        List<RoadMark> centerMarks = List.of();
    }

    private void lane(Section section) {
        int id = in.intReq("id");
        String type = in.attr("type", "none");
        List<CubicPoly> widths = new ArrayList<>();
        List<CubicPoly> borders = new ArrayList<>();
        List<RoadMark> marks = new ArrayList<>();
        Integer predecessor = null;
        Integer successor = null;
        while (in.nextChild()) {
            switch (in.name()) {
                case "link" -> {
                    while (in.nextChild()) {
                        switch (in.name()) {
                            case "predecessor" -> predecessor = in.intReq("id");
                            case "successor" -> successor = in.intReq("id");
                            default -> {
                                // nothing else links lanes
                            }
                        }
                        in.skip();
                    }
                }
                case "width" -> {
                    widths.add(in.poly(in.num("sOffset", 0)));
                    in.skip();
                }
                case "border" -> {
                    borders.add(in.poly(in.num("sOffset", 0)));
                    in.skip();
                }
                case "roadMark" -> {
                    marks.add(roadMark());
                    in.skip();
                }
                default -> in.skip();
            }
        }
        List<RoadMark> sortedMarks = marks.stream()
                .sorted(Comparator.comparingDouble(RoadMark::sOffset))
                .toList();
        if (id == 0) {
            section.centerMarks = sortedMarks;
            return;
        }
        Lane lane = new Lane(
                id,
                type,
                widths.stream().sorted(BY_START).toList(),
                borders.stream().sorted(BY_START).toList(),
                predecessor,
                successor,
                sortedMarks);
        (id > 0 ? section.left : section.right).add(lane);
    }

    private RoadMark roadMark() {
        return new RoadMark(
                in.num("sOffset", 0),
                RoadMark.Type.parse(in.attr("type", "none")),
                in.attr("color", "standard"),
                in.num("width", 0),
                RoadMark.LaneChange.parse(in.attr("laneChange", null)));
    }

    private void checkConsecutive(double s, List<Lane> lanes, int step) {
        for (int i = 0; i < lanes.size(); i++) {
            if (lanes.get(i).id() != step * (i + 1)) {
                throw in.fail("lane ids of the section at s=" + s + " are not consecutive");
            }
        }
    }
}
