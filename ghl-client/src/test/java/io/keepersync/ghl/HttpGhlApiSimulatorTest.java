package io.keepersync.ghl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.keepersync.ghl.ratelimit.Priority;
import io.keepersync.ghl.ratelimit.RateLimitConfig;
import io.keepersync.simulator.ApiFaults;
import io.keepersync.simulator.GhlSimulator;
import io.keepersync.simulator.SimulatorConfig;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client living with the simulator's faults and limits. */
class HttpGhlApiSimulatorTest {

    private GhlSimulator ghl;
    private String location;
    private String contact;
    private GhlClientConfig config;

    @BeforeEach
    void start() {
        ghl = GhlSimulator.start(SimulatorConfig.defaults().withoutLatency().withRateLimit(100, Duration.ofSeconds(1)));
        location = ghl.locationIds().get(0);
        contact = ghl.seedContacts(location, 1).get(0);
        config = GhlClientConfig.defaults().withBaseUrl(ghl.baseUrl()).withRequestTimeout(Duration.ofSeconds(5))
                .withMaxAttempts(3).withInitialBackoff(Duration.ofMillis(1)).withMaxBackoff(Duration.ofMillis(5));
    }

    @AfterEach
    void stop() {
        ghl.close();
    }

    @Test
    void shouldRetryThroughABurstOfServerErrors() {
        final HttpGhlApi api = api(config);
        ghl.setApiFaults(location, ApiFaults.none().withServerErrors(2));

        final var found = api.contact(location, contact);

        assertThat(found).isPresent();
        assertThat(api.requestCount()).isEqualTo(3);
        assertThat(ghl.requestStats().serverErrorCount(location)).isEqualTo(2);
    }

    @Test
    void shouldRideOutARateLimitStormThatSaysRetryAfter() {
        final HttpGhlApi api = api(config);
        ghl.setApiFaults(location, ApiFaults.none().withRateLimitStorm(Duration.ofMillis(500), true));

        final var found = api.contact(location, contact);

        assertThat(found).isPresent();
        assertThat(ghl.requestStats().rateLimitedCount(location)).isPositive();
    }

    @Test
    void shouldGiveUpRetriablyWithTheLast503DuringAnOutage() {
        final HttpGhlApi api = api(config);
        ghl.setApiFaults(ApiFaults.none().withOutage(true));

        final GhlApiException down = catchThrowableOfType(GhlApiException.class, () -> api.contact(location, contact));

        assertThat(down.status()).isEqualTo(503);
        assertThat(down.retriable()).isTrue();
        assertThat(ghl.requestStats().serverErrorCount(location)).isEqualTo(3);
    }

    @Test
    void shouldTimeOutOnHungRequestsAndRecoverWhenTheyStop() {
        final HttpGhlApi api = api(config.withRequestTimeout(Duration.ofMillis(300)).withMaxAttempts(2));
        ghl.setApiFaults(location, ApiFaults.none().withHang(Duration.ofMinutes(1)));

        final GhlApiException hung = catchThrowableOfType(GhlApiException.class, () -> api.contact(location, contact));
        ghl.clearApiFaults();
        final var found = api.contact(location, contact);

        assertThat(hung.status()).isZero();
        assertThat(hung.retriable()).isTrue();
        assertThat(found).isPresent();
    }

    @Test
    void shouldReportWhatGhlLastSaidIsLeftOfTheDay() {
        final HttpGhlApi api = api(config);
        final boolean knownBefore = api.dailyRemaining(location).isPresent();

        api.contact(location, contact);
        api.withPriority(Priority.BACKFILL).contact(location, contact);

        assertThat(knownBefore).isFalse();
        assertThat(api.dailyRemaining(location)).hasValue(199_998);
        assertThat(api.withPriority(Priority.BACKFILL).dailyRemaining(location)).hasValue(199_998);
    }

    @Test
    void shouldUseHalfTheBurstWithAShareOfOneHalf() {
        final HttpGhlApi api = api(config.withRateLimit(tenPerMinute()));

        api.share(0.5);
        final int sent = callsUntilRefused(api);

        assertThat(sent).isEqualTo(5);
        assertThat(ghl.requestCount()).isEqualTo(5);
        assertThat(api.share()).isEqualTo(0.5);
        assertThatIllegalArgumentException().isThrownBy(() -> api.share(0));
    }

    @Test
    void shouldKeepAFifthOfTheBurstForLiveWhileBackfillRuns() {
        final HttpGhlApi live = api(config.withRateLimit(tenPerMinute()));
        final HttpGhlApi backfill = live.withPriority(Priority.BACKFILL);

        final int backfillSent = callsUntilRefused(backfill);
        final int liveSent = callsUntilRefused(live);

        assertThat(backfillSent).isEqualTo(8);
        assertThat(liveSent).isEqualTo(2);
        assertThat(ghl.throttledCount()).isZero();
    }

    private HttpGhlApi api(final GhlClientConfig clientConfig) {
        return new HttpGhlApi(clientConfig, TokenProvider.fixed(SimulatorConfig.DEFAULT_ACCESS_TOKEN));
    }

    private int callsUntilRefused(final HttpGhlApi api) {
        for (int sent = 0; sent < 50; sent++) {
            try {
                api.contact(location, contact);
            } catch (GhlApiException e) {
                assertThat(e.status()).isEqualTo(429);
                return sent;
            }
        }
        return 50;
    }

    private static RateLimitConfig tenPerMinute() {
        return RateLimitConfig.defaults().withBurst(10).withWindow(Duration.ofMinutes(1)).withMaxWait(Duration.ZERO);
    }
}
