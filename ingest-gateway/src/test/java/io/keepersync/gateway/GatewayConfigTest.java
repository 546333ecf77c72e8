package io.keepersync.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keepersync.gateway.signature.PublicKeys;
import io.keepersync.gateway.support.TestKeys;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {

    @Test
    void shouldDefaultToSafeSettingsAndGhlsPublishedKeys() {
        final GatewayConfig config = GatewayConfig.defaults("localhost:9092");

        assertThat(config.port()).isZero();
        assertThat(config.maxBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(config.verifySignatures()).isTrue();
        assertThat(config.ed25519PublicKey().getEncoded()).isEqualTo(PublicKeys.ghlEd25519().getEncoded());
        assertThat(config.rsaPublicKey().getEncoded()).isEqualTo(PublicKeys.ghlRsa().getEncoded());
        assertThat(config.sendTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.retryAfterSeconds()).isEqualTo(30);
        assertThat(config.kafkaProperties()).containsEntry("bootstrap.servers", "localhost:9092");
        assertThat(config.bodyReadTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.idleTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.maxWebhookAge()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void shouldSwitchVerificationOffOnlyWhenAskedExplicitly() {
        final GatewayConfig config = GatewayConfig.defaults("localhost:9092").withSignatureVerificationDisabled();

        assertThat(config.verifySignatures()).isFalse();
    }

    @Test
    void shouldRefuseKafkaPropertiesWithoutBootstrapServers() {
        final GatewayConfig config = GatewayConfig.defaults("localhost:9092");

        assertThatThrownBy(() -> new GatewayConfig(0, 1024, true, config.ed25519PublicKey(), config.rsaPublicKey(),
            config.topics(), Map.of("acks", "all"), config.sendTimeout(), 30, config.bodyReadTimeout(),
            config.idleTimeout(), config.maxWebhookAge()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("bootstrap.servers");
    }

    @Test
    void shouldRefuseKeysSwappedBetweenHeaders() {
        final TestKeys keys = TestKeys.generate();
        final GatewayConfig config = GatewayConfig.defaults("localhost:9092");

        assertThatThrownBy(() -> config.withEd25519PublicKey(keys.rsaPublic()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("Ed25519");
        assertThatThrownBy(() -> config.withRsaPublicKey(keys.ed25519Public()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("RSA");
    }

    @Test
    void shouldRefuseOutOfRangeNumbers() {
        final GatewayConfig config = GatewayConfig.defaults("localhost:9092");

        assertThatThrownBy(() -> config.withPort(70_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> config.withMaxBodyBytes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> config.withSendTimeout(Duration.ofMillis(10)))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> config.withRetryAfterSeconds(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> config.withBodyReadTimeout(Duration.ofMillis(10)))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> config.withIdleTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> config.withMaxWebhookAge(Duration.ofSeconds(5)))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKeepEveryOtherSettingWhenOneIsChanged() {
        final GatewayConfig config = GatewayConfig.defaults("localhost:9092")
            .withBodyReadTimeout(Duration.ofSeconds(3))
            .withIdleTimeout(Duration.ofSeconds(7))
            .withMaxWebhookAge(Duration.ofHours(5))
            .withRetryAfterSeconds(11);

        assertThat(config.bodyReadTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.idleTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(config.maxWebhookAge()).isEqualTo(Duration.ofHours(5));
        assertThat(config.retryAfterSeconds()).isEqualTo(11);
    }
}
