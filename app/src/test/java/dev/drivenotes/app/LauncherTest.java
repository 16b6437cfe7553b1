package dev.drivenotes.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the launcher checks before it starts anything: the --map file and the ports. */
class LauncherTest {

    /** Starting the suite takes longer than this; a check that answers within it ran first. */
    private static final Duration BEFORE_ANY_SERVICE = Duration.ofSeconds(8);

    @TempDir
    Path dir;

    private int run(StringWriter err, String... args) {
        return DriveNotes.execute(new PrintWriter(err, true), args);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "html.xodr | <html>not a map</html> | expected <OpenDRIVE>",
                "truncated.xodr | <?xml version='1.0'?><OpenDRIVE><header revMajor='1'/><road id='1' | not well-formed",
                "empty.xodr | <?xml version='1.0'?><OpenDRIVE><header revMajor='1'/></OpenDRIVE> | no <road> elements",
            })
    void refusesAMapThatDoesNotLoadWithOneLineBeforeStartingAnything(String name, String content, String reason)
            throws Exception {
        Path map = Files.writeString(dir.resolve(name), content);
        StringWriter err = new StringWriter();

        int code = assertTimeoutPreemptively(
                BEFORE_ANY_SERVICE, () -> run(err, "run", "--map", map.toString(), "--data", dir.toString()));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("drivenotes: --map: " + name).contains(reason);
        assertThat(err.toString().strip().lines()).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--date | 2026-13-01 | --date",
                "--date | 1999-12-31 | --date: must be between 2000-01-01 and 2099-12-31",
                "--gnss-noise-m | -1 | --gnss-noise-m: must be between 0.0 and 100.0",
                "--gnss-dropout-rate | 1.5 | --gnss-dropout-rate: must be between 0.0 and 1.0",
                "--npc-aggressiveness | 1.5 | --npc-aggressiveness: must be between 0.0 and 1.0",
                "--time-step | 0.9 | --time-step: must be between 0.001 and 0.5",
                "--narrator | bard | --narrator: unknown narrator 'bard'",
            })
    void refusesABadDateOrNoiseWithOneLineNamingTheOptionBeforeStartingAnything(
            String option, String value, String message) {
        StringWriter err = new StringWriter();

        int code = assertTimeoutPreemptively(
                BEFORE_ANY_SERVICE, () -> run(err, "run", option, value, "--data", dir.toString()));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("drivenotes: ").contains(message).contains(value);
        assertThat(err.toString().strip().lines()).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--agents | autopilot,autopilot | --agents: name each agent once",
                "--agents | autopilot,chauffeur | --agent: unknown agent 'chauffeur'",
                "--npc-aggressiveness | -0.5 | --npc-aggressiveness: must be between 0.0 and 1.0",
            })
    void compareRefusesBadAgentsOrConditionsWithOneLineBeforeStartingAnything(
            String option, String value, String message) {
        StringWriter err = new StringWriter();

        int code = assertTimeoutPreemptively(
                BEFORE_ANY_SERVICE, () -> run(err, "compare", option, value, "--data", dir.toString()));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("drivenotes: ").contains(message);
        assertThat(err.toString().strip().lines()).hasSize(1);
    }

    @Test
    void refusesAMissingMapFile() {
        StringWriter err = new StringWriter();
        int code = run(err, "run", "--map", dir.resolve("absent.xodr").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("no such file").contains("absent.xodr");
    }

    @Test
    void evalChecksItsMapTheSameWay() {
        StringWriter err = new StringWriter();

        int code = run(
                err,
                "eval",
                "--agent",
                "autopilot",
                "--map",
                dir.resolve("absent.xodr").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("drivenotes: --map: no such file").contains("absent.xodr");
    }

    @Test
    void refusesAFolderOrAFileNotNamedXodr() throws Exception {
        Path notXodr = Files.writeString(dir.resolve("map.txt"), "<OpenDRIVE/>");
        for (Path map : new Path[] {dir, notXodr}) {
            StringWriter err = new StringWriter();

            int code = run(err, "run", "--map", map.toString());

            assertThat(code).as(map.toString()).isEqualTo(2);
            assertThat(err.toString()).as(map.toString()).contains("--map: " + map);
        }
    }

    @Test
    void refusesUnknownOptionsWithUsageHint() {
        StringWriter err = new StringWriter();
        int code = run(err, "run", "--episodez", "2");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--episodez").contains("--help");
    }

    @Test
    void refusesAnOutOfRangePortBase() {
        StringWriter err = new StringWriter();
        int code = run(err, "up", "--port-base", "80");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--port-base");
    }

    @ParameterizedTest
    @ValueSource(strings = {"up", "run", "run --bus pubsub-emulator"})
    void aBusyPortIsOneLineNamingThePortItsServiceAndPortBaseAndNothingStarts(String command) throws Exception {
        try (ServerSocket busy = Loopback.listenWithFreeNeighbours()) {
            int carlaRunnerPort = busy.getLocalPort();
            int portBase = carlaRunnerPort - 1;
            StringWriter err = new StringWriter();
            String[] args = (command + " --port-base " + portBase + " --data " + dir).split(" ");

            int code = assertTimeoutPreemptively(BEFORE_ANY_SERVICE, () -> run(err, args));

            assertThat(code).isEqualTo(2);
            assertThat(err.toString().strip().lines()).hasSize(1);
            assertThat(err.toString())
                    .startsWith("drivenotes: --port-base " + portBase + ": port " + carlaRunnerPort + " (carla-runner)")
                    .contains("choose another --port-base");
            for (int port : new int[] {portBase, portBase + 2, portBase + 3}) {
                assertThat(Loopback.accepts(port)).as("port " + port).isFalse();
            }
        }
    }

    @Test
    void suggestsAPortBaseWhoseFourPortsAreFree() throws Exception {
        try (ServerSocket busy = Loopback.listenWithFreeNeighbours()) {
            int portBase = busy.getLocalPort();
            StringWriter err = new StringWriter();

            run(err, "up", "--port-base", Integer.toString(portBase));

            Matcher suggested = Pattern.compile("e\\.g\\. --port-base (\\d+)").matcher(err.toString());
            assertThat(suggested.find()).as(err.toString()).isTrue();
            int suggestion = Integer.parseInt(suggested.group(1));
            assertThat(suggestion).isNotEqualTo(portBase);
            for (SuiteService service : SuiteService.values()) {
                try (ServerSocket free = new ServerSocket(service.port(suggestion))) {
                    assertThat(free.isBound()).isTrue();
                }
            }
        }
    }
}
