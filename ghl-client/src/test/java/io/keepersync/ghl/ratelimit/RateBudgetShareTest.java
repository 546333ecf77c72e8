package io.keepersync.ghl.ratelimit;

import static io.keepersync.ghl.ratelimit.RateBudgetTest.headers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.keepersync.ghl.GhlApiException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The live reserve, the daily reserve for backfill, and the share of the burst one process takes. */
class RateBudgetShareTest {

    private static final String LOCATION = "8qN83ajhKeWpYcKzqIp1";
    private static final Duration LONG_WAIT = Duration.ofSeconds(5);
    private static final RateLimitConfig TEN_PER_MINUTE = RateLimitConfig.defaults().withBurst(10)
            .withWindow(Duration.ofMinutes(1));

    @Test
    void shouldStopBackfillAtFourFifthsOfTheBurstAndKeepTheRestForLive() throws InterruptedException {
        final RateBudget budget = new RateBudget(LOCATION, TEN_PER_MINUTE);

        final int backfill = takeAtOnce(budget, Priority.BACKFILL, 20);
        final int live = takeAtOnce(budget, Priority.LIVE, 20);

        assertThat(backfill).isEqualTo(8);
        assertThat(live).isEqualTo(2);
    }

    @Test
    void shouldLetBackfillUseTheWholeBurstWithoutAReserve() throws InterruptedException {
        final RateBudget budget = new RateBudget(LOCATION, TEN_PER_MINUTE.withLiveReserveFraction(0));

        final int backfill = takeAtOnce(budget, Priority.BACKFILL, 20);

        assertThat(backfill).isEqualTo(10);
    }

    @Test
    void shouldNeverStartMoreBackfillThanFourFifthsOfTheBurstInAnyWindow() throws Exception {
        final Duration window = Duration.ofMillis(200);
        final RateBudget budget = new RateBudget(LOCATION, RateLimitConfig.defaults().withBurst(10).withWindow(window));
        final ExecutorService threads = Executors.newFixedThreadPool(3);
        final List<Future<List<Long>>> results = new ArrayList<>();

        for (int thread = 0; thread < 3; thread++) {
            results.add(threads.submit(() -> acquireTimes(budget, Priority.BACKFILL, 10)));
        }
        final List<Long> starts = new ArrayList<>();
        for (final Future<List<Long>> result : results) {
            starts.addAll(result.get(10, TimeUnit.SECONDS));
        }
        threads.shutdown();

        starts.sort(Long::compare);
        assertThat(starts).hasSize(30);
        for (int i = 0; i + 8 < starts.size(); i++) {
            assertThat(starts.get(i + 8) - starts.get(i)).as("backfill start %d to %d", i, i + 8)
                    .isGreaterThanOrEqualTo(window.toNanos());
        }
    }

    @Test
    void shouldLetLiveThroughAtOnceWhileBackfillWaitsForTheWindow() throws Exception {
        final RateBudget budget = new RateBudget(LOCATION, TEN_PER_MINUTE.withWindow(Duration.ofSeconds(3)));
        final ExecutorService threads = Executors.newFixedThreadPool(2);
        for (int thread = 0; thread < 2; thread++) {
            threads.submit(() -> acquireTimes(budget, Priority.BACKFILL, 20));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> budget.waitingCallers() == 2);

        final Duration first = budget.acquire(Priority.LIVE, Duration.ZERO);
        final Duration second = budget.acquire(Priority.LIVE, Duration.ZERO);
        threads.shutdownNow();

        assertThat(first).isZero();
        assertThat(second).isZero();
    }

    @Test
    void shouldKeepBackfillOutWhenGhlReportsNoMoreThanTheReserveRemaining() throws InterruptedException {
        final RateBudget budget = new RateBudget(LOCATION, TEN_PER_MINUTE);
        budget.observe(200, headers(Map.of("X-RateLimit-Remaining", "2", "X-RateLimit-Interval-Milliseconds",
                "60000")));

        final int backfill = takeAtOnce(budget, Priority.BACKFILL, 5);
        final int live = takeAtOnce(budget, Priority.LIVE, 5);

        assertThat(backfill).isZero();
        assertThat(live).isEqualTo(2);
    }

    @Test
    void shouldRefuseBackfillAtOnceWhileTheDailyBudgetIsInItsReserve() throws InterruptedException {
        final RateBudget budget = new RateBudget(LOCATION, TEN_PER_MINUTE.withWindow(Duration.ofMillis(100)));
        budget.observe(200, headers(Map.of("X-RateLimit-Limit-Daily", "1000", "X-RateLimit-Daily-Remaining", "99")));

        final GhlApiException refused = catchThrowableOfType(GhlApiException.class,
                () -> budget.acquire(Priority.BACKFILL, LONG_WAIT));
        final Duration live = budget.acquire(Priority.LIVE, LONG_WAIT);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.retriable()).isTrue();
        assertThat(refused.getMessage()).contains("daily", "locationId=" + LOCATION);
        assertThat(live).isZero();
        assertThat(budget.dailyRemaining()).hasValue(99);
    }

    @Test
    void shouldHalveTheBurstWithAShareOfOneHalf() throws InterruptedException {
        final RateBudgets budgets = new RateBudgets(TEN_PER_MINUTE, new SimpleMeterRegistry());
        budgets.acquire("before", Priority.LIVE, Duration.ZERO);

        budgets.share(0.5);
        final int existing = 1 + takeAtOnce(budgets, "before", 20);
        final int created = takeAtOnce(budgets, "after", 20);

        assertThat(existing).isEqualTo(5);
        assertThat(created).isEqualTo(5);
        assertThat(budgets.share()).isEqualTo(0.5);
    }

    @Test
    void shouldStillObeyGhlsRemainingCountUnderAShare() throws InterruptedException {
        final RateBudgets budgets = new RateBudgets(TEN_PER_MINUTE, new SimpleMeterRegistry());
        budgets.share(0.5);
        budgets.observe(LOCATION, 200, headers(Map.of("X-RateLimit-Remaining", "3",
                "X-RateLimit-Interval-Milliseconds", "60000")));

        final int taken = takeAtOnce(budgets, LOCATION, 20);

        assertThat(taken).isEqualTo(3);
    }

    @Test
    void shouldRefuseAShareOutsideZeroToOne() {
        final RateBudgets budgets = new RateBudgets(TEN_PER_MINUTE, new SimpleMeterRegistry());

        assertThatIllegalArgumentException().isThrownBy(() -> budgets.share(0));
        assertThatIllegalArgumentException().isThrownBy(() -> budgets.share(1.5));
        assertThatIllegalArgumentException().isThrownBy(() -> budgets.share(Double.NaN));
    }

    @Test
    void shouldReportNoDailyRemainderBeforeGhlSaidOne() {
        final RateBudgets budgets = new RateBudgets(TEN_PER_MINUTE, new SimpleMeterRegistry());

        budgets.observe(LOCATION, 200, headers(Map.of("X-RateLimit-Daily-Remaining", "1234")));

        assertThat(budgets.dailyRemaining("unseen")).isEmpty();
        assertThat(budgets.dailyRemaining(LOCATION)).hasValue(1234);
    }

    /** How many permits are free right now, trying up to {@code most}. */
    private static int takeAtOnce(final RateBudget budget, final Priority priority, final int most)
            throws InterruptedException {
        for (int taken = 0; taken < most; taken++) {
            try {
                budget.acquire(priority, Duration.ZERO);
            } catch (GhlApiException e) {
                return taken;
            }
        }
        return most;
    }

    private static int takeAtOnce(final RateBudgets budgets, final String locationId, final int most)
            throws InterruptedException {
        for (int taken = 0; taken < most; taken++) {
            try {
                budgets.acquire(locationId, Priority.LIVE, Duration.ZERO);
            } catch (GhlApiException e) {
                return taken;
            }
        }
        return most;
    }

    private static List<Long> acquireTimes(final RateBudget budget, final Priority priority, final int count)
            throws InterruptedException {
        final List<Long> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            times.add(budget.acquireAt(priority, LONG_WAIT));
        }
        return times;
    }
}
