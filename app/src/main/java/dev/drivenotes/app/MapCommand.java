package dev.drivenotes.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code drivenotes map <what>}: look at OpenDRIVE maps without starting the suite. */
@Command(
        name = "map",
        description = "Inspect OpenDRIVE maps.",
        subcommands = {MapInspectCommand.class})
final class MapCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(), "name a map command: " + spec.subcommands().keySet());
    }
}
