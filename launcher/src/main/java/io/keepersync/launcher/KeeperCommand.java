package io.keepersync.launcher;

import io.keepersync.launcher.demo.DemoCommand;
import io.keepersync.launcher.run.RunCommand;
import io.keepersync.launcher.simulate.SimulatorCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code keeper} command line: one entry point for running, demonstrating and simulating. */
@Command(name = "keeper",
    mixinStandardHelpOptions = true,
    versionProvider = KeeperCommand.Version.class,
    description = "Keeps GHL contacts, with their tasks, notes and appointments, in sync with the Keeper store "
        + "through Kafka.",
    subcommands = {DemoCommand.class, RunCommand.class, SimulatorCommand.class, CommandLine.HelpCommand.class})
public final class KeeperCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(final String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for tests that run commands in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new KeeperCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            final String version = KeeperCommand.class.getPackage().getImplementationVersion();
            return new String[] {"keeper " + (version == null ? "development build" : version)};
        }
    }
}
