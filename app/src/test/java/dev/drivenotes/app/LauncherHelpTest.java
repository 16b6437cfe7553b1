package dev.drivenotes.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every command explains itself: usage on stdout, exit 0; a wrong command line is one line and exit 2. */
class LauncherHelpTest {

    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DriveNotes.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @ParameterizedTest
    @CsvSource({
        "'--help', 'drivenotes'",
        "'-h', 'drivenotes'",
        "'help', 'drivenotes'",
        "'run --help', 'drivenotes run'",
        "'up --help', 'drivenotes up'",
        "'map --help', 'drivenotes map'",
        "'map inspect --help', 'drivenotes map inspect'",
        "'bench --help', 'drivenotes bench'",
        "'bench sim --help', 'drivenotes bench sim'",
        "'bench inference --help', 'drivenotes bench inference'",
        "'train --help', 'drivenotes train'",
        "'eval --help', 'drivenotes eval'",
        "'help run', 'drivenotes run'",
        "'help map', 'drivenotes map'",
    })
    void printsUsageAndExitsZero(String commandLine, String command) {
        Result r = run(commandLine.split(" "));

        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Usage: " + command + " [-hV]");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void helpCommandPrintsTheSameUsageAsTheHelpOption() {
        assertThat(run("help", "run").out()).isEqualTo(run("run", "--help").out());
    }

    @Test
    void topLevelHelpListsEveryCommandAndTheExitCodes() {
        String out = run("--help").out();

        assertThat(out).contains("run ", "up ", "bench ", "map ", "train ", "eval ", "help ");
        assertThat(out).contains("Exit codes:", "2   bad input");
    }

    @Test
    void runAndUpHelpShowTheServicesPortLayout() {
        for (String command : new String[] {"run", "up"}) {
            String out = run(command, "--help").out().replace(System.lineSeparator(), " ");
            for (SuiteService service : SuiteService.values()) {
                assertThat(out).as(command).contains(service.serviceName() + " P");
            }
            assertThat(out).as(command).contains("--port-base=P");
        }
    }

    @Test
    void everyCommandAnswersTheVersion() {
        Result r = run("map", "inspect", "--version");

        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("drivenotes ");
    }

    @ParameterizedTest
    @CsvSource({
        "'help nosuch', 'nosuch'",
        "'run --episodez 2', '--episodez'",
        "'map', 'inspect'",
        "'bench', 'sim, inference'",
        "'map inspect', 'FILE'",
        "'train', '--steps'",
    })
    void refusesAWrongCommandLineWithOneLineAndExitTwo(String commandLine, String named) {
        Result r = run(commandLine.split(" "));

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("drivenotes: ").contains(named).contains("--help");
        assertThat(r.out()).isEmpty();
    }
}
