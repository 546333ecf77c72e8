package io.keepersync.gateway.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class ProducerSettingsTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void shouldEnforceIdempotentAcksAllDeliveryOverUserValues() {
        final Map<String, Object> user = Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092",
            ProducerConfig.ACKS_CONFIG, "1",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
            ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");

        final Map<String, Object> settings = ProducerSettings.forGateway(user, Duration.ofSeconds(10), MIB);

        assertThat(settings)
            .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
            .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
            .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd")
            .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092")
            .containsEntry(ProducerConfig.LINGER_MS_CONFIG, ProducerSettings.DEFAULT_LINGER_MS);
    }

    @Test
    void shouldBoundEveryProducerWaitBySendTimeout() {
        final Map<String, Object> settings = ProducerSettings.forGateway(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092"), Duration.ofSeconds(1), MIB);

        assertThat(settings)
            .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000L)
            .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 1000)
            .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 995);
    }

    @Test
    void shouldRefuseALingerThatLeavesNoTimeToSend() {
        final Map<String, Object> user = Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092", ProducerConfig.LINGER_MS_CONFIG, "2000");

        assertThatThrownBy(() -> ProducerSettings.forGateway(user, Duration.ofSeconds(1), MIB))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("linger.ms");
    }

    @Test
    void shouldLetEveryAcceptedBodyFitIntoOneProducerRequest() {
        final Map<String, Object> settings = ProducerSettings.forGateway(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092"), Duration.ofSeconds(10), MIB);

        assertThat(settings).containsEntry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024);
    }

    @Test
    void shouldKeepALargerUserRequestSizeAndGrowTheBufferWithIt() {
        final Map<String, Object> user = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092",
            ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "67108864");

        final Map<String, Object> settings = ProducerSettings.forGateway(user, Duration.ofSeconds(10), MIB);

        assertThat(settings)
            .containsEntry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 64 * 1024 * 1024)
            .containsEntry(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
    }
}
