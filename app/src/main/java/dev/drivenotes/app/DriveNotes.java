package dev.drivenotes.app;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./drivenotes}: run experiments locally, start the suite. */
@Command(
        name = "drivenotes",
        mixinStandardHelpOptions = true,
        version = "drivenotes 0.1.0",
        description = "Daily autonomous-driving experiments that write and score driving notes.",
        subcommands = {
            RunCommand.class,
            UpCommand.class,
            BenchCommand.class,
            MapCommand.class,
            TrainCommand.class,
            EvalCommand.class
        })
public final class DriveNotes {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (0 success, 1 failed run, 2 bad input). */
    public static int execute(String... args) {
        return execute(new CommandLine(new DriveNotes()), args);
    }

    /** Same, with the error stream captured (for tests). */
    static int execute(PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new DriveNotes());
        cli.setErr(err);
        return execute(cli, args);
    }

    private static int execute(CommandLine cli, String... args) {
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("drivenotes: " + oneLine(e));
            return e instanceof IllegalArgumentException ? 2 : 1;
        });
        cli.setParameterExceptionHandler((e, a) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("drivenotes: " + e.getMessage() + " (see --help)");
            return 2;
        });
        return cli.execute(args);
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
