package io.keepersync.backfill.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InFlightTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final InFlight inFlight = new InFlight();

    @Test
    void shouldStopWaitingForAContactOnceItsRecordAppears() {
        inFlight.add(entry("c1", 0, 10));
        inFlight.add(entry("c2", 1, 20));

        final boolean first = inFlight.confirm("c1");
        final boolean again = inFlight.confirm("c1");

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(inFlight.entries()).extracting(InFlight.Entry::contactId).containsExactly("c2");
    }

    @Test
    void shouldExpireOnlyContactsEnrichmentConsumedLongerAgoThanTheTimeout() {
        inFlight.add(entry("consumed", 0, 10));
        inFlight.add(entry("pending", 0, 11));
        inFlight.add(entry("other-partition", 1, 5));
        inFlight.consumedUpTo(Map.of(0, 11L), T0);

        final var tooEarly = inFlight.expire(T0.plus(TIMEOUT), TIMEOUT);
        final var expired = inFlight.expire(T0.plus(TIMEOUT).plusMillis(1), TIMEOUT);

        assertThat(tooEarly).isEmpty();
        assertThat(expired).containsExactly("consumed");
        assertThat(inFlight.size()).isEqualTo(2);
        assertThat(inFlight.unconsumed()).isEqualTo(2);
    }

    @Test
    void shouldNeverExpireContactsEnrichmentHasNotConsumed() {
        inFlight.add(entry("c1", 0, 10));

        final var expired = inFlight.expire(T0.plus(Duration.ofDays(1)), TIMEOUT);

        assertThat(expired).isEmpty();
        assertThat(inFlight.size()).isEqualTo(1);
    }

    @Test
    void shouldKeepTheFirstTimeAnEventWasSeenConsumed() {
        inFlight.add(entry("c1", 0, 10));
        inFlight.consumedUpTo(Map.of(0, 11L), T0);

        inFlight.consumedUpTo(Map.of(0, 50L), T0.plus(TIMEOUT));

        assertThat(inFlight.entries().get(0).consumedAt()).isEqualTo(T0);
    }

    @Test
    void shouldReplaceTheEntryOfAContactPublishedAgain() {
        inFlight.add(entry("c1", 0, 10));

        inFlight.add(entry("c1", 2, 30));

        assertThat(inFlight.entries()).singleElement().extracting(InFlight.Entry::partition).isEqualTo(2);
    }

    private static InFlight.Entry entry(final String contactId, final int partition, final long offset) {
        return new InFlight.Entry(contactId, T0, partition, offset, null);
    }
}
