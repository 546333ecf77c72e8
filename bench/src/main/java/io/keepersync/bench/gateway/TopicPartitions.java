package io.keepersync.bench.gateway;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates a topic shaped like an existing one, so a ceiling writes to as many partitions as the gateway does. */
final class TopicPartitions {

    private static final long TIMEOUT_SECONDS = 30;

    private TopicPartitions() {
    }

    /** Creates {@code target} with the partition count of {@code source} and returns that count. Blocks up to 60 s. */
    static int copyPartitionCount(final String bootstrapServers, final String source, final String target) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            final int partitions = admin.describeTopics(List.of(source)).allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(source).partitions().size();
            admin.createTopics(List.of(new NewTopic(target, Optional.of(partitions), Optional.empty()))).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return partitions;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topic " + target + " like " + source, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + target, e);
        }
    }
}
