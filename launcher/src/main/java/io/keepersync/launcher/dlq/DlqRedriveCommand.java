package io.keepersync.launcher.dlq;

import io.keepersync.enrich.deadletter.DeadLetterTopic;
import io.keepersync.launcher.kafka.KafkaCluster;
import io.keepersync.launcher.kafka.KafkaOptions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code keeper dlq redrive}: sends dead letters through enrichment again. */
@Command(name = "redrive", mixinStandardHelpOptions = true,
    description = {"Sends dead letters through enrichment again: each becomes an event on the events topic that "
        + "re-reads the whole contact from GHL. Only letters not redriven before, unless --from-start.",
        "Run it once GHL works again; a refresh that still fails is dead-lettered again after the retry bound."})
public final class DlqRedriveCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Mixin
    DeadLetterFilter filter;

    @Option(names = "--from-start", description = "Redrive every dead letter in the topic, also those redriven before.")
    boolean fromStart;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        KafkaCluster.reach(kafka);
        final DeadLetterTopic topic = new DeadLetterTopic(kafka.runningClusterServers(), kafka.topics(), group(kafka));
        final DeadLetterTopic.Redrive done = topic.redrive(filter.predicate(), fromStart);
        final PrintWriter out = spec.commandLine().getOut();
        out.printf("Redrove %d dead letter(s) onto %s", done.sent(), kafka.topics().contactEvents());
        if (done.skipped() > 0) {
            out.printf("; %d left out by the filter stay for a later redrive", done.skipped());
        }
        out.println();
        out.flush();
        return 0;
    }

    /** The consumer group that remembers what was redriven, prefixed like every group of the deployment. */
    static String group(final KafkaOptions kafka) {
        return kafka.topicPrefix() + DeadLetterTopic.REDRIVE_GROUP;
    }
}
