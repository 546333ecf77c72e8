package io.keepersync.launcher;

import io.keepersync.launcher.backfill.BackfillCommand;
import io.keepersync.launcher.demo.DemoCommand;
import io.keepersync.launcher.dlq.DlqCommand;
import io.keepersync.launcher.run.RunCommand;
import io.keepersync.launcher.simulate.SimulatorCommand;
import io.keepersync.launcher.sink.SinkCommand;
import io.keepersync.launcher.status.StatusCommand;
import io.keepersync.launcher.topics.TopicsCommand;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code keeper} command line: one entry point for running, operating, demonstrating and simulating. */
@Command(name = "keeper",
    mixinStandardHelpOptions = true,
    versionProvider = KeeperCommand.Version.class,
    description = "Keeps GHL contacts, with their tasks, notes and appointments, in sync with the Keeper store "
        + "through Kafka.",
    subcommands = {DemoCommand.class, RunCommand.class, BackfillCommand.class, StatusCommand.class, SinkCommand.class,
        TopicsCommand.class, DlqCommand.class, SimulatorCommand.class, CommandLine.HelpCommand.class})
public final class KeeperCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(final String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for tests that run commands in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new KeeperCommand())
            .setCaseInsensitiveEnumValuesAllowed(true)
            .setParameterExceptionHandler(KeeperCommand::badParameters)
            .setExecutionExceptionHandler(KeeperCommand::failed);
    }

    private static int badParameters(final CommandLine.ParameterException e, final String[] args) {
        final CommandLine command = e.getCommandLine();
        command.getErr().println("keeper: " + e.getMessage());
        command.getErr().println("Try 'keeper help " + command.getCommandName() + "' for its options.");
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** A command that failed while running: one line saying why, the stack trace only at DEBUG. */
    private static int failed(final Exception e, final CommandLine command, final CommandLine.ParseResult parsed) {
        command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + causes(e));
        LoggerFactory.getLogger(KeeperCommand.class).debug("Command failed", e);
        return command.getCommandSpec().exitCodeOnExecutionException();
    }

    private static String causes(final Throwable error) {
        final StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            final String message = cause.getMessage();
            if (message != null && !text.toString().contains(message)) {
                text.append(": ").append(message);
            }
        }
        return text.toString();
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
