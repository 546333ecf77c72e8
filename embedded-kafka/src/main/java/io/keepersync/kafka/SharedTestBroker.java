package io.keepersync.kafka;

import io.keepersync.schemas.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * One embedded broker per test JVM, started on first use and stopped when the JVM exits. Tests share
 * it and stay apart by using their own topics ({@link #freshTopics}).
 */
public final class SharedTestBroker {

    private static final AtomicInteger TOPIC_SEQUENCE = new AtomicInteger();
    private static EmbeddedKafkaBroker broker;

    private SharedTestBroker() {
    }

    /** The bootstrap servers of the shared broker, starting it if this is the first call. */
    public static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = startInTempDir();
        }
        return broker.bootstrapServers();
    }

    /** Topic names no other test in this JVM uses, already created on the shared broker. */
    public static Topics freshTopics(final String testName) {
        final Topics topics = Topics.withPrefix(testName + "-" + TOPIC_SEQUENCE.incrementAndGet() + ".");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            TopicSetup.ensure(admin, topics, 2);
        }
        return topics;
    }

    private static EmbeddedKafkaBroker startInTempDir() {
        try {
            final EmbeddedKafkaBroker started = EmbeddedKafkaBroker.start(Files.createTempDirectory("keeper-test-kafka"), 0);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-broker-shutdown"));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
