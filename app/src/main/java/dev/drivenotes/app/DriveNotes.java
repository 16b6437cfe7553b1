package dev.drivenotes.app;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** {@code ./drivenotes}: run experiments locally, start the suite. */
@Command(
        name = "drivenotes",
        mixinStandardHelpOptions = true,
        version = "drivenotes 0.1.0",
        description = "Daily autonomous-driving experiments that write and score driving notes.",
        footer = {"%nRun 'drivenotes COMMAND --help' (or 'drivenotes help COMMAND') for a command's options."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:a run that failed", "2:bad input (an option, a file, a busy port)"},
        subcommands = {
            RunCommand.class,
            CompareCommand.class,
            UpCommand.class,
            BenchCommand.class,
            MapCommand.class,
            TrainCommand.class,
            EvalCommand.class,
            CalibrateCommand.class,
            HelpCommand.class
        })
public final class DriveNotes {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (0 success, 1 failed run, 2 bad input). */
    public static int execute(String... args) {
        return execute(commandLine(), args);
    }

    /** Same, with the error stream captured (for tests). */
    static int execute(PrintWriter err, String... args) {
        CommandLine cli = commandLine();
        cli.setErr(err);
        return execute(cli, args);
    }

    /** Same, with both streams captured (for tests). */
    static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return execute(cli, args);
    }

    /**
     * The command tree: every command answers {@code --version} like the top one, and run's and up's
     * help end with the port layout of {@link SuiteService}.
     */
    private static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new DriveNotes());
        shareVersion(cli, cli.getCommandSpec().version());
        String ports = "%nPorts: " + SuiteService.portLayout() + " (P = --port-base).";
        for (String suiteCommand : List.of("run", "up")) {
            cli.getSubcommands()
                    .get(suiteCommand)
                    .getCommandSpec()
                    .usageMessage()
                    .footer(ports);
        }
        return cli;
    }

    private static void shareVersion(CommandLine command, String[] version) {
        command.getCommandSpec().version(version);
        command.getSubcommands().values().forEach(sub -> shareVersion(sub, version));
    }

    private static int execute(CommandLine cli, String... args) {
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("drivenotes: " + oneLine(e));
            return e instanceof IllegalArgumentException ? 2 : 1;
        });
        cli.setParameterExceptionHandler((e, a) -> {
            CommandLine where = e.getCommandLine();
            where.getErr()
                    .println("drivenotes: " + usageError(e.getMessage(), where) + " (see '"
                            + where.getCommandSpec().qualifiedName() + " --help')");
            return 2;
        });
        return cli.execute(args);
    }

    /** Picocli's message, without its final period, naming the choices where a subcommand is missing. */
    private static String usageError(String message, CommandLine where) {
        String text = message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
        if (text.equals("Missing required subcommand")) {
            return "name a command: " + String.join(", ", where.getSubcommands().keySet());
        }
        return text;
    }

    static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = e.getMessage() != null ? e.getMessage() : root.toString();
        if (root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
            message = message + ": " + root.getMessage();
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
