package io.keepersync.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keepersync.backfill.search.BackfillEvents;
import io.keepersync.backfill.search.SearchPage;
import io.keepersync.backfill.search.SearchPosition;
import io.keepersync.schemas.BackfillProgress;
import io.keepersync.schemas.BackfillState;
import io.keepersync.schemas.ContactEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class BackfillRunTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant SINCE = Instant.parse("2026-01-01T00:00:00Z");
    private static final SearchPosition AFTER_C2 = new SearchPosition(T0.plusSeconds(2), "c2", 1);

    @Test
    void shouldMoveThePositionAndCountWhatAPageWrote() {
        final BackfillRun run = BackfillRun.start(new BackfillRequest("loc", Optional.of(SINCE), false), T0);

        run.published(page(Optional.of(AFTER_C2), 8), events("c1", "c2"), written(3, 40, 41), T0);

        final BackfillProgress checkpoint = run.checkpoint(T0, Map.of(0, 7L));
        assertThat(checkpoint.getPosition().getLastContactId()).isEqualTo("c2");
        assertThat(checkpoint.getContactsPublished()).isEqualTo(2);
        assertThat(checkpoint.getTotal()).isEqualTo(10);
        assertThat(checkpoint.getSearchDone()).isFalse();
        assertThat(checkpoint.getInFlight())
            .extracting(c -> c.getContactId() + "@" + c.getPartition() + ":" + c.getOffset())
            .containsExactly("c1@3:40", "c2@3:41");
        assertThat(checkpoint.getEnrichedOffsets()).containsEntry("0", 7L);
    }

    @Test
    void shouldResumeExactlyWhereTheCheckpointStands() {
        final BackfillRun run = BackfillRun.start(new BackfillRequest("loc", Optional.of(SINCE), false), T0);
        run.published(page(Optional.of(AFTER_C2), 8), events("c1", "c2"), written(3, 40, 41), T0);
        run.confirmed(List.of("c1", "unrelated"), T0);
        run.dailyCallsLeft(OptionalLong.of(1234));
        final BackfillProgress checkpoint = run.checkpoint(T0.plusSeconds(5), Map.of(0, 7L, 1, 9L));

        final BackfillRun resumed = BackfillRun.resume(checkpoint, T0.plusSeconds(6));

        assertThat(resumed.checkpoint(T0.plusSeconds(5), Map.of(0, 7L, 1, 9L))).isEqualTo(checkpoint);
        assertThat(resumed.enrichedOffsets()).isEqualTo(Map.of(0, 7L, 1, 9L));
        assertThat(resumed.position()).contains(AFTER_C2);
        assertThat(checkpoint.getContactsEnriched()).isEqualTo(1);
    }

    @Test
    void shouldCountContactsConsumedWithoutARecordAsUnconfirmedOnceNoRecordCameForTheTimeout() {
        final BackfillRun run = BackfillRun.start(BackfillRequest.of("loc"), T0);
        run.published(page(Optional.empty(), 0), events("c1", "c2"), written(0, 5, 6), T0);

        run.consumed(Map.of(0, 6L), T0, Duration.ofMinutes(1));
        final List<String> expired = run.consumed(Map.of(0, 6L), T0.plusSeconds(61), Duration.ofMinutes(1));

        assertThat(expired).containsExactly("c1");
        final BackfillProgress checkpoint = run.checkpoint(T0.plusSeconds(61), Map.of());
        assertThat(checkpoint.getContactsUnconfirmed()).isEqualTo(1);
        assertThat(checkpoint.getSearchDone()).isTrue();
        assertThat(checkpoint.getState()).isEqualTo(BackfillState.RUNNING);
    }

    @Test
    void shouldKeepWaitingForConsumedContactsWhileEnrichmentStillWritesThisBackfillsRecords() {
        final BackfillRun run = BackfillRun.start(BackfillRequest.of("loc"), T0);
        run.published(page(Optional.empty(), 0), events("c1", "c2", "c3"), written(0, 5, 6, 7), T0);
        run.consumed(Map.of(0, 8L), T0, Duration.ofMinutes(1));

        run.confirmed(List.of("c3"), T0.plusSeconds(50));
        final List<String> expired = run.consumed(Map.of(0, 8L), T0.plusSeconds(100), Duration.ofMinutes(1));

        assertThat(expired).isEmpty();
        assertThat(run.consumed(Map.of(0, 8L), T0.plusSeconds(111), Duration.ofMinutes(1))).containsExactly("c1", "c2");
    }

    private static SearchPage page(final Optional<SearchPosition> next, final long remaining) {
        return new SearchPage(List.of(), next, OptionalLong.of(remaining));
    }

    private static List<ContactEvent> events(final String... ids) {
        return Arrays.stream(ids).map(id -> {
            final ObjectNode contact = JsonNodeFactory.instance.objectNode().put("id", id)
                .put("dateUpdated", T0.toString());
            return BackfillEvents.of("loc", contact, T0);
        }).toList();
    }

    private static List<RecordMetadata> written(final int partition, final long... offsets) {
        return Arrays.stream(offsets)
            .mapToObj(offset -> new RecordMetadata(new TopicPartition("events", partition), offset, 0, 0, 0, 0))
            .toList();
    }
}
