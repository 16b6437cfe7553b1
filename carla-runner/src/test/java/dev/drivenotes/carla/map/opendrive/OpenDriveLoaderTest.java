package dev.drivenotes.carla.map.opendrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.carla.map.geometry.LineGeometry;
import dev.drivenotes.model.InvalidInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OpenDriveLoaderTest {

    /** Every test runs on both parsers: the scanner maps are loaded with and StAX, the benchmark's reference. */
    private static OpenDriveMap parse(OpenDriveLoader.Parser parser, String xml) {
        return OpenDriveLoader.parse(xml.getBytes(StandardCharsets.UTF_8), "test.xodr", parser);
    }

    @ParameterizedTest
    @EnumSource(OpenDriveLoader.Parser.class)
    void rejectsXmlThatIsNotOpenDrive(OpenDriveLoader.Parser parser) {
        assertThatThrownBy(() -> parse(parser, "<kml><road/></kml>"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("map"))
                .hasMessageContaining("expected <OpenDRIVE>");
    }

    @ParameterizedTest
    @EnumSource(OpenDriveLoader.Parser.class)
    void rejectsTextThatIsNotXml(OpenDriveLoader.Parser parser) {
        assertThatThrownBy(() -> parse(parser, "this is not xml"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("map"))
                .hasMessageContaining("not well-formed")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @ParameterizedTest
    @EnumSource(OpenDriveLoader.Parser.class)
    void rejectsRoadWithoutGeometry(OpenDriveLoader.Parser parser) {
        assertThatThrownBy(() -> parse(
                        parser,
                        "<OpenDRIVE><road id=\"1\" length=\"10\" junction=\"-1\"><planView/><lanes>"
                                + "<laneSection s=\"0\"/></lanes></road></OpenDRIVE>"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("road 1")
                .hasMessageContaining("no planView geometry");
    }

    @ParameterizedTest
    @EnumSource(OpenDriveLoader.Parser.class)
    void convertsSpeedUnitsToMetresPerSecondAndKeepsGeoReference(OpenDriveLoader.Parser parser) {
        String road = "<road id=\"%s\" length=\"10\" junction=\"-1\"><type s=\"0\" type=\"town\">"
                + "<speed max=\"%s\" unit=\"%s\"/></type><planView><geometry s=\"0\" x=\"0\" y=\"0\" hdg=\"0\" "
                + "length=\"10\"><line/></geometry></planView><lanes><laneSection s=\"0\"><right>"
                + "<lane id=\"-1\" type=\"driving\"><width sOffset=\"0\" a=\"3\" b=\"0\" c=\"0\" d=\"0\"/></lane>"
                + "</right></laneSection></lanes></road>";
        OpenDriveMap map = parse(
                parser,
                "<OpenDRIVE><header revMajor=\"1\" revMinor=\"4\"><geoReference><![CDATA[+proj=tmerc]]>"
                        + "</geoReference></header>" + road.formatted("1", "25", "mph")
                        + road.formatted("2", "36", "km/h")
                        + road.formatted("3", "10", "m/s") + "</OpenDRIVE>");
        assertThat(map.header().geoReference()).isEqualTo("+proj=tmerc");
        assertThat(map.roads().get("1").speedLimitAt(0, 0))
                .isCloseTo(11.176, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(map.roads().get("2").speedLimitAt(0, 0)).isCloseTo(10, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(map.roads().get("3").speedLimitAt(0, 0)).isEqualTo(10);
    }

    private static final String ONE_ROAD = "<road id=\"1\" length=\"10\" junction=\"-1\"><planView>"
            + "<geometry s=\"0\" x=\"0\" y=\"0\" hdg=\"0\" length=\"10\"><line/></geometry></planView>"
            + "<lanes><laneSection s=\"0\"><right><lane id=\"-1\" type=\"driving\">"
            + "<width sOffset=\"0\" a=\"3\" b=\"0\" c=\"0\" d=\"0\"/>"
            + "<roadMark sOffset=\"0\" type=\"solid\"><type name=\"x\" width=\"0.1\"><line length=\"1\"/></type>"
            + "</roadMark></lane></right></laneSection></lanes></road>";

    @ParameterizedTest
    @EnumSource(OpenDriveLoader.Parser.class)
    void readsA17FileWithTheAsamNamespaceAndAVirtualJunction(OpenDriveLoader.Parser parser) {
        OpenDriveMap map = parse(
                parser,
                "<?xml version=\"1.0\"?><OpenDRIVE xmlns=\"http://code.asam.net/simulation/standard/"
                        + "opendrive_schema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                        + "<header revMajor=\"1\" revMinor=\"7\"/>" + ONE_ROAD
                        + "<junction id=\"7\" name=\"v\" type=\"virtual\"><connection id=\"0\" incomingRoad=\"1\"/>"
                        + "</junction></OpenDRIVE>");
        assertThat(map.roads()).containsOnlyKeys("1");
        assertThat(map.junctions().get("7").type()).isEqualTo("virtual");
        assertThat(map.junctions().get("7").connections()).isEmpty();
        assertThat(map.header().revMinor()).isEqualTo(7);
    }

    @ParameterizedTest
    @EnumSource(OpenDriveLoader.Parser.class)
    void aRoadMarkTypeChildDoesNotResetTheRoadTypeOrSpeed(OpenDriveLoader.Parser parser) {
        OpenDriveMap map = parse(
                parser,
                "<OpenDRIVE>"
                        + ONE_ROAD.replace(
                                "<planView>",
                                "<type s=\"0\" type=\"rural\"><speed max=\"20\" unit=\"m/s\"/></type><planView>")
                        + "</OpenDRIVE>");
        Road road = map.roads().get("1");
        assertThat(road.types())
                .singleElement()
                .satisfies(t -> assertThat(t.speedMps()).isEqualTo(20));
        assertThat(road.sections().get(0).lane(-1).roadMarkAt(5).type()).isEqualTo(RoadMark.Type.SOLID);
    }

    @ParameterizedTest
    @EnumSource(OpenDriveLoader.Parser.class)
    void errorsNameTheLineOfTheOffendingElement(OpenDriveLoader.Parser parser) {
        assertThatThrownBy(() -> parse(
                        parser,
                        "<OpenDRIVE>\n<header/>\n<road id=\"7\" length=\"long\" junction=\"-1\">\n"
                                + "</road></OpenDRIVE>"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("test.xodr line 3")
                .hasMessageContaining("(road 7)")
                .hasMessageContaining("'length'")
                .hasMessageContaining("not a number");
    }

    @ParameterizedTest
    @EnumSource(OpenDriveLoader.Parser.class)
    void malformedXmlErrorsNameTheLine(OpenDriveLoader.Parser parser) {
        assertThatThrownBy(() -> parse(parser, "<OpenDRIVE>\n<header>\n\n</headerx></OpenDRIVE>"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not well-formed")
                .hasMessageContaining("line 4");
    }

    @ParameterizedTest
    @EnumSource(OpenDriveLoader.Parser.class)
    void neverExpandsEntitiesDeclaredInADoctype(OpenDriveLoader.Parser parser) throws Exception {
        java.nio.file.Path secret = java.nio.file.Files.createTempFile("secret", ".txt");
        java.nio.file.Files.writeString(secret, "TOP-SECRET");
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE OpenDRIVE [<!ENTITY xxe SYSTEM \"" + secret.toUri()
                + "\"><!ENTITY inner \"expanded\">]><OpenDRIVE><header name=\"&xxe;&inner;\"/>" + ONE_ROAD
                + "</OpenDRIVE>";
        assertThatThrownBy(() -> parse(parser, xml))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not well-formed")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TOP-SECRET"));
    }

    @ParameterizedTest
    @EnumSource(OpenDriveLoader.Parser.class)
    void readsElementsOnlyWhereOpenDriveDefinesThem(OpenDriveLoader.Parser parser) {
        String road = ONE_ROAD.replace(
                        "<planView>",
                        "<link><successor elementType=\"road\" elementId=\"9\" contactPoint=\"start\"/></link>"
                                + "<planView>")
                .replace(
                        "<width sOffset",
                        "<link><successor id=\"-2\"/></link><userData><width sOffset=\"0\" a=\"9\"/></userData>"
                                + "<width sOffset")
                .replace(
                        "</lanes>",
                        "</lanes><objects><object id=\"o\"><geometry s=\"0\" x=\"5\" y=\"5\" hdg=\"0\""
                                + " length=\"1\"><line/></geometry><validity fromLane=\"-1\" toLane=\"-1\"/>"
                                + "</object></objects>");
        Road read = parse(parser, "<OpenDRIVE>" + road + "</OpenDRIVE>").roads().get("1");
        assertThat(read.geometries()).singleElement().isInstanceOf(LineGeometry.class);
        assertThat(read.successor().elementId()).isEqualTo("9");
        Lane lane = read.sections().get(0).lane(-1);
        assertThat(lane.successor()).isEqualTo(-2);
        assertThat(lane.widths())
                .singleElement()
                .satisfies(w -> assertThat(w.a()).isEqualTo(3));
    }
}
