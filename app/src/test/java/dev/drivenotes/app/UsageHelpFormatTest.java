package dev.drivenotes.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Every command's usage help renders without picocli's "Could not format" warning: picocli passes
 * descriptions, headers and footers through {@link String#format}, so a literal percent sign must be
 * written {@code %%} (a lone one, as in "95 % interval", makes picocli warn on stderr and print the
 * raw text, {@code %n} unreplaced).
 */
class UsageHelpFormatTest {

    /** Every command of the tree, as the words that name it: [], [run], [map, inspect], ... */
    static Stream<List<String>> everyCommand() {
        List<List<String>> paths = new ArrayList<>();
        collect(new CommandLine(new DriveNotes()), List.of(), paths);
        return paths.stream();
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        paths.add(path);
        command.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandName().equals(name)) { // each command once, not once per alias
                List<String> longer = new ArrayList<>(path);
                longer.add(name);
                collect(sub, longer, paths);
            }
        });
    }

    private static CommandSpec spec(List<String> path) {
        CommandLine command = new CommandLine(new DriveNotes());
        for (String name : path) {
            command = command.getSubcommands().get(name);
        }
        return command.getCommandSpec();
    }

    @ParameterizedTest(name = "drivenotes {0} --help")
    @MethodSource("everyCommand")
    void rendersItsUsageHelpWithoutAFormatWarning(List<String> path) {
        List<String> args = new ArrayList<>(path);
        args.add("--help");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream before = System.err;
        int code;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            code = DriveNotes.execute(
                    new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        } finally {
            System.setErr(before);
        }

        assertThat(code).isZero();
        assertThat(stderr.toString(StandardCharsets.UTF_8) + err).doesNotContain("Could not format");
        assertThat(out.toString()).contains("Usage: drivenotes").doesNotContain("%n");
    }

    @ParameterizedTest(name = "drivenotes {0}")
    @MethodSource("everyCommand")
    void everyTextPicocliFormatsIsAValidFormatString(List<String> path) {
        CommandSpec spec = spec(path);
        UsageMessageSpec usage = spec.usageMessage();
        List<String> texts = new ArrayList<>();
        for (String[] lines : List.of(usage.description(), usage.header(), usage.footer())) {
            texts.addAll(List.of(lines));
        }
        for (String heading : new String[] {
            usage.descriptionHeading(),
            usage.headerHeading(),
            usage.footerHeading(),
            usage.optionListHeading(),
            usage.parameterListHeading(),
            usage.commandListHeading(),
            usage.synopsisHeading(),
            usage.exitCodeListHeading()
        }) {
            texts.add(heading == null ? "" : heading);
        }
        for (ArgSpec arg : spec.args()) {
            texts.addAll(List.of(arg.description()));
        }

        for (String text : texts) {
            assertThatCode(() -> String.format(text)).as("%s", text).doesNotThrowAnyException();
        }
    }
}
