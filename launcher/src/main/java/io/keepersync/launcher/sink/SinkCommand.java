package io.keepersync.launcher.sink;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code keeper sink}: operations on the Keeper store. */
@Command(name = "sink", mixinStandardHelpOptions = true,
    description = "Operations on the Keeper store.",
    subcommands = {RebuildCommand.class, CommandLine.HelpCommand.class})
public final class SinkCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
