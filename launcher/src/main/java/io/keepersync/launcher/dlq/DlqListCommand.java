package io.keepersync.launcher.dlq;

import io.keepersync.enrich.deadletter.DeadLetterTopic;
import io.keepersync.launcher.kafka.KafkaCluster;
import io.keepersync.launcher.kafka.KafkaOptions;
import io.keepersync.schemas.DeadLetter;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code keeper dlq list}: the dead letters now in the topic, one line each, oldest first per partition. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "Lists dead letters: where each sits, when it was written, its location and contact, how often "
        + "enrichment tried, GHL's last status and why it failed.")
public final class DlqListCommand implements Callable<Integer> {

    private static final String ROW = "%-9s %-8s %-24s %-22s %-22s %8s %6s  %s%n";

    @Mixin
    KafkaOptions kafka;

    @Mixin
    DeadLetterFilter filter;

    @Option(names = "--limit", defaultValue = "100", description = "Show at most this many (default ${DEFAULT-VALUE}).")
    int limit;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        KafkaCluster.reach(kafka);
        final List<DeadLetterTopic.Entry> entries = topic().list(filter.predicate());
        final PrintWriter out = spec.commandLine().getOut();
        out.printf("%d dead letter(s) in %s%n", entries.size(), kafka.topics().deadLetters());
        if (!entries.isEmpty()) {
            out.printf(ROW, "PARTITION", "OFFSET", "WRITTEN", "LOCATION", "CONTACT", "ATTEMPTS", "STATUS", "REASON");
        }
        entries.stream().limit(limit).forEach(entry -> {
            final DeadLetter letter = entry.letter();
            out.printf(ROW, entry.partition(), entry.offset(), entry.writtenAt(), letter.getLocationId(),
                letter.getContactId(), letter.getAttempts(), letter.getStatus(), letter.getReason());
        });
        if (entries.size() > limit) {
            out.printf("... and %d more (--limit)%n", entries.size() - limit);
        }
        out.flush();
        return 0;
    }

    private DeadLetterTopic topic() {
        return new DeadLetterTopic(kafka.runningClusterServers(), kafka.topics(), DlqRedriveCommand.group(kafka));
    }
}
