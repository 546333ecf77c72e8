package io.keepersync.launcher.kafka;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Finds the running Kafka cluster for the commands that do not start one ({@code backfill}, {@code status},
 * {@code topics}), and says in one line when there is none, before a Kafka client would retry and log for a minute.
 */
public final class KafkaCluster {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private KafkaCluster() {
    }

    /**
     * Client properties for the cluster the options name.
     *
     * @throws IllegalStateException when no bootstrap server accepts a connection
     */
    public static Map<String, Object> reach(final KafkaOptions options) {
        final String servers = options.runningClusterServers();
        if (!answers(servers)) {
            throw new IllegalStateException(options.embedded()
                ? "no Kafka broker at " + servers + ": start `keeper run` (it runs the embedded broker) or set "
                    + "KAFKA_BOOTSTRAP_SERVERS"
                : "no Kafka broker answers at " + servers + " (KAFKA_BOOTSTRAP_SERVERS)");
        }
        return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, servers);
    }

    /** Whether any of the comma-separated {@code host:port} servers accepts a TCP connection. */
    public static boolean answers(final String servers) {
        return Arrays.stream(servers.split(",")).map(String::trim).filter(server -> !server.isEmpty())
            .anyMatch(KafkaCluster::accepts);
    }

    private static boolean accepts(final String server) {
        final int colon = server.lastIndexOf(':');
        if (colon < 0) {
            return false;
        }
        try (Socket socket = new Socket()) {
            final int port = Integer.parseInt(server.substring(colon + 1));
            socket.connect(new InetSocketAddress(server.substring(0, colon), port), (int) CONNECT_TIMEOUT.toMillis());
            return true;
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }
}
