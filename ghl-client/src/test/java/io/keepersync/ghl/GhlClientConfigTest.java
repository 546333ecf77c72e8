package io.keepersync.ghl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.keepersync.ghl.ratelimit.RateLimitConfig;
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
        assertThat(config.rateLimit()).isEqualTo(new RateLimitConfig(100, Duration.ofSeconds(10),
                Duration.ofSeconds(20), 0.1));
    }

    @Test
    void shouldChangeOneValuePerWither() {
        final GhlClientConfig config = GhlClientConfig.defaults()
                .withBaseUrl("http://127.0.0.1:8089/ghl//")
                .withRequestTimeout(Duration.ofSeconds(2))
                .withMaxAttempts(3)
                .withInitialBackoff(Duration.ofMillis(10))
                .withMaxBackoff(Duration.ofMillis(20))
                .withRateLimit(RateLimitConfig.defaults().withBurst(50).withWindow(Duration.ofSeconds(5))
                        .withMaxWait(Duration.ofSeconds(1)).withDailyReserveFraction(0.2));

        assertThat(config).isEqualTo(new GhlClientConfig("http://127.0.0.1:8089/ghl", Duration.ofSeconds(2), 3,
                Duration.ofMillis(10), Duration.ofMillis(20),
                new RateLimitConfig(50, Duration.ofSeconds(5), Duration.ofSeconds(1), 0.2)));
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

    @Test
    void shouldRejectUnusableRateLimits() {
        final RateLimitConfig defaults = RateLimitConfig.defaults();

        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withBurst(0));
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withWindow(Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withMaxWait(Duration.ofMillis(-1)));
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withDailyReserveFraction(1.0));
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withDailyReserveFraction(Double.NaN));
    }
}
