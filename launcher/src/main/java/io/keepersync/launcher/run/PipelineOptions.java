package io.keepersync.launcher.run;

import io.keepersync.kafka.TopicSpec;
import io.keepersync.launcher.kafka.KafkaOptions;
import io.keepersync.launcher.kafka.TopicOptions;
import io.keepersync.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Settings shared by {@code keeper run} and {@code keeper demo}. Each one is defined once, here or in the mixins
 * it includes, with its environment variable, default and description; the README's settings table repeats them.
 */
public final class PipelineOptions {

    @Mixin
    KafkaOptions kafka;

    @Mixin
    TopicOptions topicCreation;

    @Mixin
    DataDirOption data;

    @Mixin
    GhlBudgetOption ghlBudget;

    @Option(names = "--gateway-port", defaultValue = "${env:KEEPER_GATEWAY_PORT:-8080}",
        description = "Port of the webhook gateway (env KEEPER_GATEWAY_PORT, default ${DEFAULT-VALUE}).")
    int gatewayPort;

    @Option(names = "--api-port", defaultValue = "${env:KEEPER_API_PORT:-8081}",
        description = "Port of the Keeper read API (env KEEPER_API_PORT, default ${DEFAULT-VALUE}).")
    int apiPort;

    @Option(names = "--api-keys", split = ",", defaultValue = "${env:KEEPER_API_KEYS}",
        description = "Comma-separated keys accepted by the read API as 'Authorization: Bearer <key>' "
            + "(env KEEPER_API_KEYS).")
    List<String> apiKeys;

    @Option(names = "--webhook-ed25519-key", defaultValue = "${env:KEEPER_WEBHOOK_ED25519_KEY}",
        description = "PEM file of the Ed25519 public key for X-GHL-Signature (env KEEPER_WEBHOOK_ED25519_KEY; "
            + "default GHL's published key).")
    Path ed25519KeyFile;

    @Option(names = "--webhook-rsa-key", defaultValue = "${env:KEEPER_WEBHOOK_RSA_KEY}",
        description = "PEM file of the RSA public key for the legacy X-WH-Signature (env KEEPER_WEBHOOK_RSA_KEY; "
            + "default GHL's published key).")
    Path rsaKeyFile;

    @Option(names = "--insecure-skip-signature-check", defaultValue = "${env:KEEPER_SKIP_SIGNATURE_CHECK:-false}",
        description = "Accept webhooks without checking their signature (env KEEPER_SKIP_SIGNATURE_CHECK). "
            + "Only for local experiments.")
    boolean skipSignatureCheck;

    @Option(names = "--stream-threads", defaultValue = "${env:KEEPER_STREAM_THREADS:-2}",
        description = "Kafka Streams threads of the enrichment (env KEEPER_STREAM_THREADS, default ${DEFAULT-VALUE}).")
    int streamThreads;

    @Option(names = "--sweep-interval", defaultValue = "${env:KEEPER_SWEEP_INTERVAL:-PT5M}",
        description = "How often reconciliation asks GHL which contacts changed, per location "
            + "(env KEEPER_SWEEP_INTERVAL, ISO-8601 duration, default ${DEFAULT-VALUE}).")
    Duration sweepInterval;

    @Option(names = "--full-sweep-interval", defaultValue = "${env:KEEPER_FULL_SWEEP_INTERVAL:-PT24H}",
        description = "How often reconciliation re-reads every contact of a location with its tasks, notes and "
            + "appointments (env KEEPER_FULL_SWEEP_INTERVAL, default ${DEFAULT-VALUE}).")
    Duration fullSweepInterval;

    @Option(names = "--dead-letter-after", defaultValue = "${env:KEEPER_DEAD_LETTER_AFTER:-PT6H}",
        description = "How long enrichment keeps retrying a contact refresh GHL fails before it goes to the dead-letter "
            + "topic (env KEEPER_DEAD_LETTER_AFTER, ISO-8601 duration, default ${DEFAULT-VALUE}).")
    Duration deadLetterAfter;

    /** Where Kafka is and how topics are named and created. */
    public KafkaOptions kafka() {
        return kafka;
    }

    /**
     * What is wrong with the values given, one phrase each naming the option and its variable; empty when
     * nothing is. Checked before anything starts.
     */
    public List<String> problems() {
        final List<String> problems = new ArrayList<>(topicCreation.problems());
        port(problems, "--kafka-port (KEEPER_KAFKA_PORT)", kafka.kafkaPort());
        port(problems, "--gateway-port (KEEPER_GATEWAY_PORT)", gatewayPort);
        port(problems, "--api-port (KEEPER_API_PORT)", apiPort);
        if (streamThreads < 1) {
            problems.add("--stream-threads (KEEPER_STREAM_THREADS) must be at least 1, was " + streamThreads);
        }
        if (ghlRateLimit() < 1) {
            problems.add("--ghl-rate-limit (KEEPER_GHL_RATE_LIMIT) must be at least 1, was " + ghlRateLimit());
        }
        positive(problems, "--sweep-interval (KEEPER_SWEEP_INTERVAL)", sweepInterval);
        positive(problems, "--full-sweep-interval (KEEPER_FULL_SWEEP_INTERVAL)", fullSweepInterval);
        positive(problems, "--dead-letter-after (KEEPER_DEAD_LETTER_AFTER)", deadLetterAfter);
        return problems;
    }

    private static void port(final List<String> problems, final String option, final int port) {
        if (port < 0 || port > 65_535) {
            problems.add(option + " must be a port from 0 to 65535, was " + port);
        }
    }

    private static void positive(final List<String> problems, final String option, final Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            problems.add(option + " must be a positive duration such as PT5M, was " + value);
        }
    }

    /** Every topic with the settings it is created with. */
    public List<TopicSpec> topicSpecs() {
        return topicCreation.specs(kafka);
    }

    /** GHL requests per 10 s and location this process allows itself. */
    public int ghlRateLimit() {
        return ghlBudget.requestsPer10s();
    }

    /** The topic names in use. */
    public Topics topics() {
        return kafka.topics();
    }

    /**
     * Prefix of topic names, also put before the enrichment's application id and the sink's group id so
     * that deployments sharing a cluster stay apart.
     */
    public String topicPrefix() {
        return kafka.topicPrefix();
    }

    /** The read API's keys, without blanks. */
    public Set<String> apiKeySet() {
        final Set<String> keys = new LinkedHashSet<>();
        if (apiKeys != null) {
            apiKeys.stream().map(String::trim).filter(key -> !key.isEmpty()).forEach(keys::add);
        }
        return keys;
    }

    /** Whether to start a broker in this process. */
    public boolean embeddedKafka() {
        return kafka.embedded();
    }

    public Path dataDir() {
        return data.dataDir();
    }

    public int gatewayPort() {
        return gatewayPort;
    }

    public int apiPort() {
        return apiPort;
    }

    /** Used by the demo, whose broker takes any free port. */
    public void useKafkaPort(final int port) {
        kafka.useKafkaPort(port);
    }

    /** Used by the demo, which picks its own data directory and keys. */
    public void useDataDir(final Path dir) {
        data.useDataDir(dir);
    }

    /** Used by the demo, which picks its own data directory and keys. */
    public void useApiKeys(final List<String> keys) {
        this.apiKeys = keys;
    }

    /** Used by the demo, which checks webhooks with the simulator's own key. */
    public void useEd25519KeyFile(final Path file) {
        this.ed25519KeyFile = file;
    }
}
