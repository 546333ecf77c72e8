package io.keepersync.simulator.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong nanos = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(true, 2, Duration.ofSeconds(10), 1_000, nanos::get);

    @Test
    void shouldSlideTheWindowRequestByRequest() {
        limiter.acquire("L");
        advanceSeconds(6);
        limiter.acquire("L");

        final boolean full = limiter.acquire("L").allowed();
        advanceSeconds(4);
        final RateDecision afterFirstExpired = limiter.acquire("L");

        assertThat(full).isFalse();
        assertThat(afterFirstExpired.allowed()).isTrue();
        assertThat(afterFirstExpired.remaining()).isZero();
    }

    @Test
    void shouldKeepSeparateBudgetsPerLocation() {
        limiter.acquire("A");
        limiter.acquire("A");

        final RateDecision other = limiter.acquire("B");

        assertThat(limiter.acquire("A").allowed()).isFalse();
        assertThat(other.allowed()).isTrue();
        assertThat(other.remaining()).isEqualTo(1);
    }

    @Test
    void shouldNotChargeRefusedRequests() {
        limiter.acquire("L");
        limiter.acquire("L");
        limiter.acquire("L");

        final RateDecision decision = limiter.acquire("L");

        assertThat(decision.dailyRemaining()).isEqualTo(998);
    }

    private void advanceSeconds(final long seconds) {
        nanos.addAndGet(Duration.ofSeconds(seconds).toNanos());
    }
}
