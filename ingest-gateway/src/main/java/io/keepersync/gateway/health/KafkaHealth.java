package io.keepersync.gateway.health;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the gateway can reach Kafka, for {@code GET /health}. A probe asks the cluster for its brokers (a
 * small metadata request) with a {@link #PROBE_TIMEOUT}. Its answer is kept for {@link #CACHE_FOR}; after
 * that the next call starts a new probe but still gets the kept answer at once, so only the very first
 * call waits for a probe. Nothing here blocks a thread. Thread-safe.
 */
public final class KafkaHealth implements AutoCloseable {

    /** Longest wait for Kafka's answer to one probe. */
    public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    /** How long a probe's answer is reused. */
    public static final Duration CACHE_FOR = Duration.ofSeconds(3);

    private static final Logger LOG = LoggerFactory.getLogger(KafkaHealth.class);
    private static final String CLIENT_ID = "keeper-ingest-gateway-health";

    private final Admin admin;
    private final Object lock = new Object();
    private Status latest;
    private long latestAtNanos;
    private CompletableFuture<Status> probe;

    /** The gateway's view of Kafka: up, or down with a short reason code. */
    public record Status(boolean up, String reason) {
    }

    /** Creates the admin client from the connection-related producer properties; does not connect yet. */
    public KafkaHealth(final Map<String, Object> kafkaProperties) {
        this.admin = Admin.create(adminProperties(kafkaProperties));
    }

    private static Map<String, Object> adminProperties(final Map<String, Object> kafkaProperties) {
        final Map<String, Object> properties = new HashMap<>();
        kafkaProperties.forEach((name, value) -> {
            if (AdminClientConfig.configNames().contains(name)) {
                properties.put(name, value);
            }
        });
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, CLIENT_ID);
        return properties;
    }

    /** The current status; completes at once unless no probe has finished yet. */
    public CompletableFuture<Status> status() {
        synchronized (lock) {
            CompletableFuture<Status> current = probe;
            if (current == null && isStale()) {
                current = startProbe();
                probe = current.isDone() ? null : current;
            }
            return latest != null ? CompletableFuture.completedFuture(latest) : current;
        }
    }

    private boolean isStale() {
        return latest == null || System.nanoTime() - latestAtNanos > CACHE_FOR.toNanos();
    }

    private CompletableFuture<Status> startProbe() {
        final DescribeClusterOptions options = new DescribeClusterOptions().timeoutMs((int) PROBE_TIMEOUT.toMillis());
        return admin.describeCluster(options).nodes().toCompletionStage().toCompletableFuture()
            .handle((nodes, error) -> remember(error == null && !nodes.isEmpty()
                ? new Status(true, null) : new Status(false, "kafka_unreachable")));
    }

    private Status remember(final Status status) {
        synchronized (lock) {
            if (latest != null && latest.up() != status.up()) {
                LOG.info("Kafka reachability changed: up={}", status.up());
            }
            latest = status;
            latestAtNanos = System.nanoTime();
            probe = null;
            return status;
        }
    }

    /** Closes the admin client, waiting at most one probe timeout. */
    @Override
    public void close() {
        admin.close(PROBE_TIMEOUT);
    }
}
