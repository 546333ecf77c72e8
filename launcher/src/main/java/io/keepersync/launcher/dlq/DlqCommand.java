package io.keepersync.launcher.dlq;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code keeper dlq}: the refreshes enrichment gave up on. */
@Command(name = "dlq", mixinStandardHelpOptions = true,
    description = {"The dead-letter topic: contact refreshes enrichment gave up on after its retry bound "
        + "(KEEPER_DEAD_LETTER_AFTER). Kafka's own tools read it too; its headers say why, where and how often.",
        "Uses KAFKA_BOOTSTRAP_SERVERS, or the embedded broker of a running keeper run."},
    subcommands = {DlqListCommand.class, DlqRedriveCommand.class, CommandLine.HelpCommand.class})
public final class DlqCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
