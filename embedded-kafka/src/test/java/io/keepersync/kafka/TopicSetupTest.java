package io.keepersync.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.keepersync.schemas.Topics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

class TopicSetupTest {

    @Test
    void shouldListEveryTopicOfThePipelineOnce() {
        final Topics topics = Topics.withPrefix("p.");

        final List<TopicSpec> specs = TopicSetup.specs(topics, 6, Optional.empty());

        assertThat(specs).extracting(TopicSpec::name).containsExactlyInAnyOrder(topics.contactEvents(),
            topics.quarantine(), topics.enrichedContacts(), topics.locations(), topics.sweepCursors(),
            topics.deadLetters(), topics.backfillProgress());
        assertThat(specs).allSatisfy(spec -> assertThat(spec.purpose()).isNotBlank());
        assertThat(specs).filteredOn(TopicSpec::compacted).extracting(TopicSpec::name).containsExactlyInAnyOrder(
            topics.enrichedContacts(), topics.locations(), topics.sweepCursors(), topics.backfillProgress());
        assertThat(specs).filteredOn(spec -> !spec.compacted()).allSatisfy(spec ->
            assertThat(spec.retention()).isPresent());
    }

    @Test
    void shouldCreateTopicsWithTheSettingsOfTheirSpecs() throws Exception {
        final Topics topics = Topics.withPrefix("topic-setup-test.");
        final List<TopicSpec> specs = TopicSetup.specs(topics, 3, Optional.of((short) 1));

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            SharedTestBroker.bootstrapServers()))) {
            TopicSetup.ensure(admin, specs);
            TopicSetup.ensure(admin, specs);

            final Map<String, TopicDescription> described = admin.describeTopics(
                specs.stream().map(TopicSpec::name).toList()).allTopicNames().get();
            final Map<ConfigResource, Config> configs = admin.describeConfigs(specs.stream()
                .map(spec -> new ConfigResource(ConfigResource.Type.TOPIC, spec.name())).toList()).all().get();
            for (final TopicSpec spec : specs) {
                final TopicDescription topic = described.get(spec.name());
                assertThat(topic.partitions()).hasSize(spec.partitions());
                assertThat(topic.partitions().get(0).replicas()).hasSize(1);
                final Map<String, String> actual = configs
                    .get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name())).entries().stream()
                    .collect(Collectors.toMap(entry -> entry.name(), entry -> entry.value()));
                assertThat(actual).containsAllEntriesOf(spec.configs());
                final String policy = spec.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT
                    : TopicConfig.CLEANUP_POLICY_DELETE;
                assertThat(actual.get(TopicConfig.CLEANUP_POLICY_CONFIG)).isEqualTo(policy);
            }
        }
    }
}
