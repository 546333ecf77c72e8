package io.keepersync.ghl.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.keepersync.ghl.GhlApiException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;

/** The per-location limiter on its own, with windows of a few hundred milliseconds. */
class RateBudgetTest {

    private static final String LOCATION = "8qN83ajhKeWpYcKzqIp1";
    private static final Duration LONG_WAIT = Duration.ofSeconds(5);
    private static final HttpHeaders NONE = headers(Map.of());

    @Test
    void shouldNeverStartMoreThanBurstWithinAnyWindowFromEightThreads() throws Exception {
        final Duration window = Duration.ofMillis(200);
        final RateBudget budget = new RateBudget(LOCATION, RateLimitConfig.defaults().withBurst(10).withWindow(window));
        final ExecutorService threads = Executors.newFixedThreadPool(8);
        final List<Future<List<Long>>> results = new ArrayList<>();

        for (int thread = 0; thread < 8; thread++) {
            results.add(threads.submit(() -> acquireTimes(budget, 5)));
        }
        final List<Long> starts = new ArrayList<>();
        for (final Future<List<Long>> result : results) {
            starts.addAll(result.get(10, TimeUnit.SECONDS));
        }
        threads.shutdown();

        starts.sort(Long::compare);
        assertThat(starts).hasSize(40);
        for (int i = 0; i + 10 < starts.size(); i++) {
            assertThat(starts.get(i + 10) - starts.get(i)).as("start %d to %d", i, i + 10)
                    .isGreaterThanOrEqualTo(window.toNanos());
        }
    }

    @Test
    void shouldWaitForTheIntervalWhenGhlReportsNoneRemaining() throws InterruptedException {
        final RateBudget budget = new RateBudget(LOCATION, RateLimitConfig.defaults().withWindow(Duration.ofMillis(1)));
        budget.observe(200, headers(Map.of("X-RateLimit-Max", "100", "X-RateLimit-Remaining", "0",
                "X-RateLimit-Interval-Milliseconds", "300")));

        final Duration waited = budget.acquire(Priority.LIVE, LONG_WAIT);

        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }

    @Test
    void shouldLetOtherLocationsProceedWhileOneIsPausedAfter429() throws InterruptedException {
        final RateBudgets budgets = new RateBudgets(RateLimitConfig.defaults(),
                new SimpleMeterRegistry());
        budgets.observe("paused", 429, headers(Map.of("X-RateLimit-Interval-Milliseconds", "300")));

        budgets.acquire("other", Priority.LIVE, Duration.ZERO);
        final GhlApiException refused = catchThrowableOfType(GhlApiException.class,
                () -> budgets.acquire("paused", Priority.LIVE, Duration.ZERO));
        final long begin = System.nanoTime();
        budgets.acquire("paused", Priority.LIVE, LONG_WAIT);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void shouldServeLiveBeforeBackfillWhenBothWait() throws Exception {
        final RateBudget budget = new RateBudget(LOCATION,
                RateLimitConfig.defaults().withBurst(1).withWindow(Duration.ofMillis(600)));
        budget.acquire(Priority.LIVE, LONG_WAIT);
        final ConcurrentLinkedQueue<Priority> order = new ConcurrentLinkedQueue<>();
        final ExecutorService threads = Executors.newFixedThreadPool(2);

        final Future<?> backfill = threads.submit(() -> acquireInto(budget, Priority.BACKFILL, order));
        awaitPoll().until(() -> budget.waitingCallers() == 1);
        final Future<?> live = threads.submit(() -> acquireInto(budget, Priority.LIVE, order));
        awaitPoll().until(() -> budget.waitingCallers() == 2);
        live.get(5, TimeUnit.SECONDS);
        backfill.get(5, TimeUnit.SECONDS);
        threads.shutdown();

        assertThat(order).containsExactly(Priority.LIVE, Priority.BACKFILL);
    }

    @Test
    void shouldFailRetriablyWhenNoPermitComesWithinMaxWait() throws InterruptedException {
        final RateBudget budget = new RateBudget(LOCATION, RateLimitConfig.defaults().withBurst(1));
        budget.acquire(Priority.LIVE, LONG_WAIT);

        final long begin = System.nanoTime();
        final GhlApiException refused = catchThrowableOfType(GhlApiException.class,
                () -> budget.acquire(Priority.BACKFILL, Duration.ofMillis(50)));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.retriable()).isTrue();
        assertThat(refused.getMessage()).contains("locationId=" + LOCATION);
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void shouldSpaceRequestsOutWhenTheDailyBudgetRunsLow() throws InterruptedException {
        final RateBudget budget = new RateBudget(LOCATION,
                RateLimitConfig.defaults().withBurst(10).withWindow(Duration.ofMillis(400)));
        budget.observe(200, headers(Map.of("X-RateLimit-Limit-Daily", "1000", "X-RateLimit-Daily-Remaining", "50")));

        final Duration first = budget.acquire(Priority.LIVE, LONG_WAIT);
        final Duration second = budget.acquire(Priority.LIVE, LONG_WAIT);

        assertThat(first).isZero();
        assertThat(second).isGreaterThanOrEqualTo(Duration.ofMillis(60));
    }

    @Test
    void shouldIgnoreHeadersThatAllowMoreThanTheWindow() throws InterruptedException {
        final RateBudget budget = new RateBudget(LOCATION, RateLimitConfig.defaults().withBurst(2));
        budget.observe(200, headers(Map.of("X-RateLimit-Max", "500", "X-RateLimit-Remaining", "499")));
        budget.observe(200, NONE);

        budget.acquire(Priority.LIVE, Duration.ZERO);
        budget.acquire(Priority.LIVE, Duration.ZERO);
        final GhlApiException third = catchThrowableOfType(GhlApiException.class,
                () -> budget.acquire(Priority.LIVE, Duration.ZERO));

        assertThat(third.status()).isEqualTo(429);
    }

    private static List<Long> acquireTimes(final RateBudget budget, final int count) throws InterruptedException {
        final List<Long> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            times.add(budget.acquireAt(Priority.LIVE, LONG_WAIT));
        }
        return times;
    }

    private static Void acquireInto(final RateBudget budget, final Priority priority,
            final ConcurrentLinkedQueue<Priority> order) throws InterruptedException {
        budget.acquire(priority, LONG_WAIT);
        order.add(priority);
        return null;
    }

    private static ConditionFactory awaitPoll() {
        return await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(10));
    }

    static HttpHeaders headers(final Map<String, String> values) {
        final Map<String, List<String>> multi = new HashMap<>();
        values.forEach((name, value) -> multi.put(name, List.of(value)));
        return HttpHeaders.of(multi, (name, value) -> true);
    }
}
