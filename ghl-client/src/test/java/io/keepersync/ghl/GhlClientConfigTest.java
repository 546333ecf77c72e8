package io.keepersync.ghl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GhlClientConfigTest {

    @Test
    void shouldDefaultToProductionSettings() {
        final GhlClientConfig config = GhlClientConfig.defaults();

        assertThat(config.baseUrl()).isEqualTo("https://services.leadconnectorhq.com");
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.maxAttempts()).isEqualTo(6);
        assertThat(config.initialBackoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.maxBackoff()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldChangeOneValuePerWither() {
        final GhlClientConfig config = GhlClientConfig.defaults()
                .withBaseUrl("http://127.0.0.1:8089/ghl//")
                .withRequestTimeout(Duration.ofSeconds(2))
                .withMaxAttempts(3)
                .withInitialBackoff(Duration.ofMillis(10))
                .withMaxBackoff(Duration.ofMillis(20));

        assertThat(config).isEqualTo(new GhlClientConfig("http://127.0.0.1:8089/ghl", Duration.ofSeconds(2), 3,
                Duration.ofMillis(10), Duration.ofMillis(20)));
    }

    @Test
    void shouldRejectUnusableValues() {
        final GhlClientConfig defaults = GhlClientConfig.defaults();

        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withMaxAttempts(0));
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withBaseUrl(" / "));
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withBaseUrl("services.leadconnectorhq.com"));
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withRequestTimeout(Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withInitialBackoff(Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withMaxBackoff(Duration.ofMillis(499)));
    }
}
