package io.keepersync.launcher.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * How far a consumer group is behind on one topic, from its committed offsets and the topic's committed end
 * offsets, as {@code kafka-consumer-groups.sh --describe} would show it. Blocks while Kafka answers.
 *
 * @param group the consumer group
 * @param topic the topic it reads
 * @param state the group's state (Stable, Empty, Dead, ...)
 * @param members consumers in the group now
 * @param lag records not yet consumed, summed over partitions; empty when the group never committed on the topic
 */
public record ConsumerLag(String group, String topic, String state, int members, Optional<Long> lag) {

    private static final long TIMEOUT_SECONDS = 15;

    /** The lag of {@code group} on {@code topic}. */
    public static ConsumerLag of(final Admin admin, final String group, final String topic) {
        try {
            final ConsumerGroupDescription description = describe(admin, group);
            final Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).forEach((partition, offset) -> {
                    if (offset != null && topic.equals(partition.topic())) {
                        committed.put(partition, offset);
                    }
                });
            final String state = description == null ? "unknown" : description.groupState().toString();
            final int members = description == null ? 0 : description.members().size();
            return new ConsumerLag(group, topic, state, members, committed.isEmpty() ? Optional.empty()
                : Optional.of(lag(admin, topic, committed)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while reading the offsets of group " + group, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("cannot read the offsets of consumer group " + group, e);
        }
    }

    private static ConsumerGroupDescription describe(final Admin admin, final String group)
        throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return null;
            }
            throw e;
        }
    }

    private static long lag(final Admin admin, final String topic,
                            final Map<TopicPartition, OffsetAndMetadata> committed)
        throws InterruptedException, ExecutionException, TimeoutException {
        final Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic)
            .partitions().forEach(info -> latest.put(new TopicPartition(topic, info.partition()), OffsetSpec.latest()));
        final Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = admin.listOffsets(latest,
            new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        long lag = 0;
        for (final Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> partition : end.entrySet()) {
            final OffsetAndMetadata done = committed.get(partition.getKey());
            lag += Math.max(0, partition.getValue().offset() - (done == null ? 0 : done.offset()));
        }
        return lag;
    }
}
