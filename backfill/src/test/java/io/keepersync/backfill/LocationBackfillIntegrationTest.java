package io.keepersync.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.keepersync.backfill.progress.ProgressTopic;
import io.keepersync.backfill.search.BackfillEvents;
import io.keepersync.backfill.support.FakeEnrichment;
import io.keepersync.backfill.support.SearchableGhl;
import io.keepersync.backfill.support.TopicContents;
import io.keepersync.ghl.GhlApiException;
import io.keepersync.ghl.GhlAuthException;
import io.keepersync.kafka.SharedTestBroker;
import io.keepersync.schemas.BackfillProgress;
import io.keepersync.schemas.BackfillState;
import io.keepersync.schemas.ContactEvent;
import io.keepersync.schemas.KeeperEventTypes;
import io.keepersync.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Tag("integration")
@Timeout(120)
class LocationBackfillIntegrationTest {

    private static final Instant START = Instant.parse("2026-03-01T09:00:00.000Z");
    private static final String LOCATION = "loc";
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final String bootstrap = SharedTestBroker.bootstrapServers();
    private final Topics topics = SharedTestBroker.freshTopics("backfill");
    private final String group = "enrich-" + RUNS.incrementAndGet();
    private final BackfillConfig config = BackfillConfig.defaults(bootstrap, topics, "test-" + group + "-", group)
        .withPageLimit(50)
        .withMaxInFlight(100)
        .withCheckpointInterval(Duration.ofMillis(200))
        .withConfirmTimeout(Duration.ofSeconds(1))
        .withSearchRetries(Duration.ofMillis(100), 3);
    private final SearchableGhl ghl = new SearchableGhl();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void shouldPublishEveryContactOnceAndFinishWhenEnrichmentHasWrittenThemAll() throws Exception {
        final List<String> ids = ghl.addMany(230, START);

        final BackfillProgress done;
        try (FakeEnrichment enrichment = FakeEnrichment.start(bootstrap, topics, group)) {
            done = backfill(BackfillRequest.of(LOCATION)).get();
        }

        assertThat(done.getState()).isEqualTo(BackfillState.DONE);
        assertThat(done.getContactsEnriched()).isEqualTo(230);
        assertThat(done.getTotal()).isEqualTo(230);
        assertThat(done.getInFlight()).isEmpty();
        final List<ContactEvent> events = events();
        assertThat(events).extracting(ContactEvent::getContactId).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(events.get(0).getEventType()).isEqualTo(KeeperEventTypes.BACKFILL);
        assertThat(events.get(0).getWebhookId()).isEqualTo(BackfillEvents.webhookId(LOCATION,
            events.get(0).getContactId(), START.plusSeconds(Integer.parseInt(events.get(0).getContactId().substring(1)))
                .toString()));
        assertThat(latest().getState()).isEqualTo(BackfillState.DONE);
    }

    @Test
    void shouldContinueAfterAKillFromTheLastCommittedPageWithoutPublishingAnyContactTwice() throws Exception {
        final List<String> ids = ghl.addMany(230, START);
        killOnSearch(4);

        try (FakeEnrichment enrichment = FakeEnrichment.start(bootstrap, topics, group)) {
            assertThatThrownBy(() -> backfill(BackfillRequest.of(LOCATION)).get())
                .hasCauseInstanceOf(InterruptedException.class);
            final BackfillProgress killed = latest();
            assertThat(killed.getState()).isEqualTo(BackfillState.RUNNING);
            assertThat(killed.getContactsPublished()).as("three pages, each after the first repeating its start")
                .isEqualTo(50 + 49 + 49);

            ghl.beforeSearch(() -> { });
            final BackfillProgress done = backfill(BackfillRequest.of(LOCATION)).get();

            assertThat(done.getRunId()).isEqualTo(killed.getRunId());
            assertThat(done.getContactsPublished()).isEqualTo(230);
            assertThat(done.getContactsEnriched()).isEqualTo(230);
        }
        assertThat(events()).extracting(ContactEvent::getContactId).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void shouldFenceAnEarlierBackfillOfTheSameLocation() throws Exception {
        final List<String> ids = ghl.addMany(230, START);
        final Future<BackfillProgress> first = backfill(BackfillRequest.of(LOCATION));
        await().atMost(Duration.ofSeconds(30)).until(() -> latestPublished() == 50 + 49);

        try (FakeEnrichment enrichment = FakeEnrichment.start(bootstrap, topics, group)) {
            final BackfillProgress second = backfill(BackfillRequest.of(LOCATION)).get();

            assertThat(second.getState()).isEqualTo(BackfillState.DONE);
            assertThat(second.getContactsEnriched()).isEqualTo(230);
        }
        assertThatThrownBy(first::get).hasCauseInstanceOf(BackfillException.class)
            .hasMessageContaining("took over");
        assertThat(events()).extracting(ContactEvent::getContactId).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void shouldRecordAFailureAndResumeFromItsCheckpointOnceGhlAnswersAgain() throws Exception {
        ghl.addMany(120, START);
        ghl.failNext(1, new GhlAuthException("GHL answered 401 for /contacts/search", 401));

        try (FakeEnrichment enrichment = FakeEnrichment.start(bootstrap, topics, group)) {
            assertThatThrownBy(() -> backfill(BackfillRequest.of(LOCATION)).get())
                .hasCauseInstanceOf(BackfillException.class);
            assertThat(latest().getState()).isEqualTo(BackfillState.FAILED);
            assertThat(latest().getError()).contains("401");

            final BackfillProgress done = backfill(BackfillRequest.of(LOCATION)).get();

            assertThat(done.getState()).isEqualTo(BackfillState.DONE);
            assertThat(done.getError()).isNull();
        }
    }

    @Test
    void shouldSearchAgainAfterGhlFailedBriefly() throws Exception {
        ghl.addMany(60, START);
        ghl.failNext(2, new GhlApiException("GHL answered 503", 503));

        try (FakeEnrichment enrichment = FakeEnrichment.start(bootstrap, topics, group)) {
            final BackfillProgress done = backfill(BackfillRequest.of(LOCATION)).get();

            assertThat(done.getContactsEnriched()).isEqualTo(60);
        }
    }

    @Test
    void shouldRefuseToResumeAnUnfinishedRunForAnotherSinceUnlessRestarted() throws Exception {
        ghl.addMany(120, START);
        killOnSearch(2);
        assertThatThrownBy(() -> backfill(BackfillRequest.of(LOCATION)).get())
            .hasCauseInstanceOf(InterruptedException.class);
        ghl.beforeSearch(() -> { });
        final BackfillRequest since = new BackfillRequest(LOCATION, Optional.of(START.plusSeconds(100)), false);

        assertThatThrownBy(() -> backfill(since).get()).hasCauseInstanceOf(BackfillException.class)
            .hasMessageContaining("unfinished backfill");

        try (FakeEnrichment enrichment = FakeEnrichment.start(bootstrap, topics, group)) {
            final BackfillProgress restarted = backfill(new BackfillRequest(LOCATION, since.since(), true)).get();
            assertThat(restarted.getContactsEnriched()).isEqualTo(20);
        }
    }

    @Test
    void shouldCountRepeatsOfAFinishedBackfillThatEnrichmentDropsAsUnconfirmed() throws Exception {
        ghl.addMany(80, START);

        try (FakeEnrichment enrichment = FakeEnrichment.start(bootstrap, topics, group)) {
            final BackfillProgress first = backfill(BackfillRequest.of(LOCATION)).get();
            final BackfillProgress again = backfill(BackfillRequest.of(LOCATION)).get();

            assertThat(again.getRunId()).isNotEqualTo(first.getRunId());
            assertThat(again.getState()).isEqualTo(BackfillState.DONE);
            assertThat(again.getContactsEnriched()).isZero();
            assertThat(again.getContactsUnconfirmed()).isEqualTo(80);
        }
    }

    /** The {@code n}th search from now interrupts its thread, as a kill would stop the backfill there. */
    private void killOnSearch(final int n) {
        final AtomicInteger searches = new AtomicInteger();
        ghl.beforeSearch(() -> {
            if (searches.incrementAndGet() == n) {
                Thread.currentThread().interrupt();
                throw new GhlApiException("interrupted", 0);
            }
        });
    }

    private Future<BackfillProgress> backfill(final BackfillRequest request) {
        return threads.submit(() -> new LocationBackfill(config, ghl, request, BackfillListener.NONE,
            Clock.systemUTC()).run());
    }

    private BackfillProgress latest() {
        return ProgressTopic.latest(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
            topics.backfillProgress(), LOCATION).orElseThrow();
    }

    private long latestPublished() {
        return ProgressTopic.latest(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
            topics.backfillProgress(), LOCATION).map(BackfillProgress::getContactsPublished).orElse(0L);
    }

    private List<ContactEvent> events() {
        return TopicContents.committedEvents(bootstrap, topics.contactEvents());
    }
}
