package dev.drivenotes.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.drivenotes.carla.map.TestMaps;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MapInspectCommandTest {

    private static final String TINY = """
            <?xml version="1.0"?>
            <OpenDRIVE><header revMajor="1" revMinor="7"/>
              <road id="1" length="10" junction="-1"><planView>
                <geometry s="0" x="0" y="0" hdg="0" length="4"><line/></geometry>
                <geometry s="4" x="4" y="0" hdg="0" length="6"><arc curvature="-0.05"/></geometry>
              </planView><lanes><laneSection s="0"><center><lane id="0" type="none"/></center>
                <right><lane id="-1" type="driving"><width sOffset="0" a="3.5" b="0" c="0" d="0"/></lane></right>
              </laneSection></lanes></road>
              <road id="2" length="5" junction="-1"><link><predecessor elementType="road" elementId="9"/></link>
                <planView><geometry s="0" x="20" y="0" hdg="0" length="5"><line/></geometry></planView>
                <lanes><laneSection s="0"><right><lane id="-1" type="sidewalk"><width sOffset="0" a="2" b="0" c="0" d="0"/></lane></right>
              </laneSection></lanes></road>
            </OpenDRIVE>
            """;

    @TempDir
    Path dir;

    private record Outcome(int code, String out, String err) {}

    private static Outcome run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int code;
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            code = DriveNotes.execute(new PrintWriter(err, true), args);
        } finally {
            System.setOut(original);
        }
        return new Outcome(code, bytes.toString(StandardCharsets.UTF_8), err.toString());
    }

    @Test
    void printsTheContractKeysAsJson() throws Exception {
        Path map = Files.writeString(dir.resolve("tiny.xodr"), TINY);

        Outcome outcome = run("map", "inspect", map.toString(), "--json");

        assertThat(outcome.code()).as(outcome.err()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(outcome.out());
        assertThat(json.propertyNames())
                .containsAll(List.of(
                        "roads",
                        "junctions",
                        "drivingLanes",
                        "totalRoadLengthM",
                        "maxPlanViewGapM",
                        "maxHeadingGapRad",
                        "unresolvedLinks",
                        "loadMillis"));
        assertThat(json.get("roads").asInt()).isEqualTo(2);
        assertThat(json.get("junctions").asInt()).isZero();
        assertThat(json.get("drivingLanes").asInt()).isEqualTo(1);
        assertThat(json.get("totalRoadLengthM").asDouble()).isEqualTo(15.0);
        assertThat(json.get("maxPlanViewGapM").asDouble()).isLessThan(1e-9);
        assertThat(json.get("unresolvedLinks").asInt())
                .as("predecessor road 9 is missing")
                .isEqualTo(1);
        assertThat(json.get("loadMillis").asDouble()).isPositive();
    }

    @Test
    void countsTheStopSignsOfAMapButNotTheirReferences() {
        Path map = TestMaps.stopSigns(dir);

        Outcome outcome = run("map", "inspect", map.toString(), "--json");

        assertThat(outcome.code()).as(outcome.err()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(outcome.out());
        // one sign on an incoming road, one on a connecting road referenced from two others
        assertThat(json.get("stopSigns").asInt()).isEqualTo(2);
        assertThat(json.get("signals").asInt()).isEqualTo(2);
        assertThat(json.get("trafficLights").asInt()).isZero();
        assertThat(json.get("junctions").asInt()).isEqualTo(1);
    }

    @Test
    void reportsAGapWhenARecordDoesNotStartWhereThePreviousEnds() throws Exception {
        Path map = Files.writeString(dir.resolve("gap.xodr"), TINY.replace("x=\"4\" y=\"0\"", "x=\"4.5\" y=\"0\""));

        Outcome outcome = run("map", "inspect", map.toString(), "--json");

        JsonNode json = JsonMapper.builder().build().readTree(outcome.out());
        assertThat(json.get("maxPlanViewGapM").asDouble()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void printsAReadableTableWithoutJson() throws Exception {
        Path map = Files.writeString(dir.resolve("tiny.xodr"), TINY);

        Outcome outcome = run("map", "inspect", map.toString());

        assertThat(outcome.code()).isZero();
        assertThat(outcome.out()).contains("roads").contains("totalRoadLengthM").contains("15.0000");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "<!DOCTYPE html><html><body><p>not a map</p></body></html>",
                "<html><body>not a map</body></html>",
                "<OpenDRIVE><header/><road id=\"1\" length=\"10\"><planView>",
                "<OpenDRIVE><header/></OpenDRIVE>",
                "<OpenDRIVE><road id=\"1\" length=\"ten\"/></OpenDRIVE>",
                "just text",
                "\u0000\u0001binary"
            })
    void refusesAnythingThatIsNotOpenDriveWithOneLineAndNoStackTrace(String content) throws Exception {
        Path map = Files.writeString(dir.resolve("bad.xodr"), content);

        Outcome outcome = run("map", "inspect", map.toString(), "--json");

        assertThat(outcome.code()).isNotZero();
        assertThat(outcome.out()).isEmpty();
        assertThat(outcome.err())
                .startsWith("drivenotes: ")
                .doesNotContain("\tat ")
                .doesNotContain("Exception");
        assertThat(outcome.err().strip().lines()).hasSize(1);
    }

    @Test
    void refusesAMissingFileAndADirectory() {
        Outcome missing = run("map", "inspect", dir.resolve("absent.xodr").toString());
        Outcome directory = run("map", "inspect", dir.toString());

        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).startsWith("drivenotes: no such file");
        assertThat(directory.code()).isEqualTo(2);
        assertThat(directory.err()).contains("is a directory");
    }

    @Test
    void inspectsTheSharedTown01Exactly() {
        Path town01 = Path.of("..", "..", "shared", "maps", "Town01.xodr");
        assumeTrue(Files.isRegularFile(town01), "../../shared/maps/Town01.xodr absent: skipping");

        Outcome outcome = run("map", "inspect", town01.toString(), "--json");

        JsonNode json = JsonMapper.builder().build().readTree(outcome.out());
        assertThat(json.get("roads").asInt()).isEqualTo(122);
        assertThat(json.get("junctions").asInt()).isEqualTo(12);
        assertThat(json.get("maxPlanViewGapM").asDouble()).isLessThan(0.01);
        assertThat(json.get("unresolvedLinks").asInt()).isZero();
        assertThat(json.get("trafficLights").asInt()).isEqualTo(36);
    }
}
