package dev.drivenotes.app;

import picocli.CommandLine.Command;

/** {@code drivenotes map <what>}: look at OpenDRIVE maps without starting the suite. */
@Command(
        name = "map",
        mixinStandardHelpOptions = true,
        description = "Inspect OpenDRIVE maps.",
        subcommands = {MapInspectCommand.class})
final class MapCommand {}
