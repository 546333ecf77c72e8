package io.keepersync.simulator.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.keepersync.simulator.GhlSimulator;
import io.keepersync.simulator.SimulatorConfig;
import io.keepersync.simulator.support.ApiCalls;
import io.keepersync.simulator.support.ApiCalls.Reply;
import io.keepersync.simulator.support.GhlExamples;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    private static final SimulatorConfig CONFIG = SimulatorConfig.defaults().withoutLatency()
            .withRateLimit(5, Duration.ofMillis(500));

    @Test
    void shouldCountDownThenAnswer429UntilTheWindowPasses() {
        try (GhlSimulator simulator = GhlSimulator.start(CONFIG)) {
            final String location = simulator.locationIds().get(0);
            final String path = "/contacts/" + simulator.seedContacts(location, 1).get(0);
            final ApiCalls api = new ApiCalls(simulator);

            final List<Reply> replies = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                replies.add(api.get(path));
            }

            assertThat(replies.subList(0, 5)).extracting(Reply::status).containsOnly(200);
            assertThat(replies).extracting(r -> r.header("X-RateLimit-Remaining"))
                    .containsExactly("4", "3", "2", "1", "0", "0");
            assertThat(replies.get(0).header("X-RateLimit-Max")).isEqualTo("5");
            assertThat(replies.get(0).header("X-RateLimit-Interval-Milliseconds")).isEqualTo("500");
            assertThat(replies.get(0).header("X-RateLimit-Limit-Daily")).isEqualTo("200000");
            assertThat(replies.get(4).header("X-RateLimit-Daily-Remaining")).isEqualTo("199995");
            assertThat(replies.get(5).status()).isEqualTo(429);
            assertThat(replies.get(5).body()).isEqualTo(GhlExamples.read("error-429.json"));
            assertThat(simulator.throttledCount()).isEqualTo(1);
            assertThat(simulator.requestCount(location)).isEqualTo(6);
            await().atMost(Duration.ofSeconds(3)).until(() -> api.get(path).status() == 200);
        }
    }

    @Test
    void shouldEnforceTheDailyLimit() {
        try (GhlSimulator simulator = GhlSimulator.start(CONFIG.withRateLimit(100, Duration.ofSeconds(10))
                .withDailyLimit(3))) {
            final String path = "/contacts/" + simulator.seedContacts(simulator.locationIds().get(0), 1).get(0);
            final ApiCalls api = new ApiCalls(simulator);

            final List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                statuses.add(api.get(path).status());
            }

            assertThat(statuses).containsExactly(200, 200, 200, 429);
        }
    }

    @Test
    void shouldOnlySendHeadersWhenRateLimitingIsDisabled() {
        try (GhlSimulator simulator = GhlSimulator.start(CONFIG.withRateLimitEnabled(false))) {
            final String path = "/contacts/" + simulator.seedContacts(simulator.locationIds().get(0), 1).get(0);
            final ApiCalls api = new ApiCalls(simulator);

            final List<Reply> replies = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                replies.add(api.get(path));
            }

            assertThat(replies).extracting(Reply::status).containsOnly(200);
            assertThat(replies.get(7).header("X-RateLimit-Remaining")).isEqualTo("0");
            assertThat(simulator.throttledCount()).isZero();
        }
    }
}
