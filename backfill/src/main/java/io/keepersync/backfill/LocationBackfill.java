package io.keepersync.backfill;

import io.keepersync.backfill.kafka.TransactionalPublisher;
import io.keepersync.backfill.progress.ProgressTopic;
import io.keepersync.backfill.search.BackfillEvents;
import io.keepersync.backfill.search.ContactPager;
import io.keepersync.backfill.search.SearchPage;
import io.keepersync.backfill.tracking.EnrichmentWatch;
import io.keepersync.ghl.GhlApi;
import io.keepersync.ghl.GhlApiException;
import io.keepersync.ghl.ratelimit.Priority;
import io.keepersync.schemas.BackfillProgress;
import io.keepersync.schemas.BackfillState;
import io.keepersync.schemas.ContactEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings every existing contact of one GHL location into the pipeline: pages through GHL's contact search
 * ({@link ContactPager}) and publishes one {@code KeeperBackfill} event per contact onto the contact events topic,
 * where enrichment reads the contact's tasks, notes and appointments at backfill priority.
 *
 * <p><b>Resumable.</b> Each page's events and the checkpoint after them are written in one Kafka transaction
 * ({@link TransactionalPublisher}). Starting a backfill of a location first fences any earlier backfill of it, then
 * reads the location's last checkpoint: an unfinished run (RUNNING, including one that was killed, or FAILED)
 * continues after its last committed page, a finished one starts over. Killed at any point, nothing is lost: an
 * uncommitted page is invisible to enrichment and is published again.
 *
 * <p><b>Bounded.</b> A contact counts as done once its enriched record appears ({@link EnrichmentWatch}); at most
 * {@link BackfillConfig#maxInFlight()} published contacts wait for that at once, so the backlog in front of live
 * events stays small and progress and rate reflect enrichment, not publishing.
 *
 * <p>{@link #run} blocks the calling thread until the backfill is done. Interrupting the thread stops it at once,
 * without a final checkpoint, exactly as a kill would.
 */
public final class LocationBackfill {

    private static final Logger log = LoggerFactory.getLogger(LocationBackfill.class);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration OFFSET_CHECK_INTERVAL = Duration.ofSeconds(2);

    private final BackfillConfig config;
    private final GhlApi ghl;
    private final BackfillRequest request;
    private final BackfillListener listener;
    private final Clock clock;
    private final String locationId;
    private TransactionalPublisher publisher;
    private EnrichmentWatch watch;
    private BackfillRun run;
    private ContactPager pager;
    private BackfillProgress last;
    private Instant nextOffsetCheck = Instant.MIN;
    private Instant nextCheckpoint = Instant.MIN;
    private Instant lastStallWarning = Instant.MIN;

    /**
     * @param ghl the GHL client; the backfill calls it at {@link Priority#BACKFILL}
     * @param listener told of every checkpoint, on the backfill's thread
     */
    public LocationBackfill(final BackfillConfig config, final GhlApi ghl, final BackfillRequest request,
                            final BackfillListener listener, final Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.ghl = ghl.withPriority(Priority.BACKFILL);
        this.request = Objects.requireNonNull(request, "request");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.locationId = request.locationId();
    }

    /**
     * Runs the backfill to its end.
     *
     * @return the final checkpoint, state DONE
     * @throws BackfillException when the backfill stops early; a FAILED checkpoint is written first when GHL is
     *     the reason, none when Kafka or another backfill of the location is
     * @throws GhlApiException never: GHL failures become a {@link BackfillException}
     * @throws InterruptedException when the thread was interrupted; nothing more is written
     */
    public BackfillProgress run() throws InterruptedException {
        publisher = TransactionalPublisher.open(config.kafka(), config.topics(), config.transactionalIdPrefix(),
            locationId);
        try {
            run = loadRun();
            pager = new ContactPager(ghl, locationId, request.since(), config.pageLimit());
            try (EnrichmentWatch opened = EnrichmentWatch.open(config.kafka(), config.topics().enrichedContacts(),
                config.topics().contactEvents(), config.enrichmentGroup(), run.enrichedOffsets())) {
                watch = opened;
                return backfill();
            }
        } catch (InterruptedException | InterruptException e) {
            publisher.abandon();
            log.info("Backfill stopped without a final checkpoint; run it again to resume locationId={}", locationId);
            throw new InterruptedException("backfill of location " + locationId + " interrupted");
        } finally {
            publisher.close();
        }
    }

    private BackfillProgress backfill() throws InterruptedException {
        checkpoint();
        log.info("Backfill {} locationId={} runId={} since={} position={} inFlight={}",
            run.resumed() ? "resumed" : "started", locationId, run.runId(),
            request.since().map(Instant::toString).orElse("-"), run.position().map(Object::toString).orElse("start"),
            run.inFlight().size());

        while (!run.searchDone()) {
            awaitRoomForAPage();
            publishNextPage();
        }
        awaitDrained();

        run.finish();
        checkpoint();
        log.info("Backfill done locationId={} runId={} published={} enriched={} unconfirmed={}", locationId,
            run.runId(), last.getContactsPublished(), last.getContactsEnriched(), last.getContactsUnconfirmed());
        return last;
    }

    /** The location's unfinished run, or a new one; read only after fencing, so no earlier backfill can move it. */
    private BackfillRun loadRun() {
        final Instant now = clock.instant();
        final Optional<BackfillProgress> previous = ProgressTopic.latest(config.kafka(),
            config.topics().backfillProgress(), locationId);
        if (previous.isEmpty() || previous.get().getState() == BackfillState.DONE || request.restart()) {
            return BackfillRun.start(request, now);
        }
        final Optional<Instant> previousSince = Optional.ofNullable(previous.get().getSince());
        if (!previousSince.equals(request.since())) {
            throw new BackfillException("location " + locationId + " has an unfinished backfill "
                + previousSince.map(since -> "since " + since).orElse("of every contact") + " (runId="
                + previous.get().getRunId() + "); resume it with the same --since, or start over with --restart");
        }
        return BackfillRun.resume(previous.get(), now);
    }

    private void awaitRoomForAPage() throws InterruptedException {
        while (run.inFlight().size() + config.pageLimit() > config.maxInFlight()) {
            track();
        }
    }

    private void awaitDrained() throws InterruptedException {
        while (!run.inFlight().isEmpty()) {
            track();
        }
    }

    private void publishNextPage() throws InterruptedException {
        final SearchPage page = search();
        final Instant now = clock.instant();
        final List<ContactEvent> events = page.contacts().stream()
            .map(contact -> BackfillEvents.of(locationId, contact, now)).toList();
        run.dailyCallsLeft(ghl.dailyRemaining(locationId));

        publisher.publishPage(events, written -> {
            run.published(page, events, written, now);
            return progress(now);
        });
        announce(now);
        log.debug("Backfill page published locationId={} contacts={} position={}", locationId, events.size(),
            run.position().map(Object::toString).orElse("start"));
    }

    /** The next page, searching again after retriable GHL failures; other failures end the run as FAILED. */
    private SearchPage search() throws InterruptedException {
        int failures = 0;
        while (true) {
            try {
                return pager.next(run.position());
            } catch (GhlApiException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("interrupted during a GHL search");
                }
                failures++;
                if (!e.retriable() || failures >= config.maxSearchFailures()) {
                    throw failed("GHL refused or kept failing the contact search (status " + e.status() + ": "
                        + e.getMessage() + ")", e);
                }
                log.warn("GHL contact search failed; searching again in {} s locationId={} status={} failures={}",
                    config.searchRetryPause().toSeconds(), locationId, e.status(), failures);
                pauseTracking(config.searchRetryPause());
            } catch (BackfillException e) {
                throw failed(e.getMessage(), e);
            }
        }
    }

    /** Reads what enrichment did, and checkpoints now and then. Waits up to a quarter second for records. */
    private void track() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        final List<String> appeared = watch.poll(POLL);
        final Instant now = clock.instant();
        run.confirmed(appeared, now);
        if (!now.isBefore(nextOffsetCheck)) {
            nextOffsetCheck = now.plus(min(OFFSET_CHECK_INTERVAL, config.checkpointInterval()));
            final List<String> expired = run.consumed(watch.enrichmentCommitted(), now, config.confirmTimeout());
            if (!expired.isEmpty()) {
                log.info("Contacts consumed by enrichment without a record; counted unconfirmed locationId={} "
                    + "contacts={} timeoutS={}", locationId, expired.size(), config.confirmTimeout().toSeconds());
            }
            warnIfStalled(now);
        }
        run.sample(now);
        if (!now.isBefore(nextCheckpoint)) {
            checkpoint();
        }
    }

    private static Duration min(final Duration a, final Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void pauseTracking(final Duration pause) throws InterruptedException {
        final Instant until = clock.instant().plus(pause);
        while (clock.instant().isBefore(until)) {
            track();
        }
    }

    private void warnIfStalled(final Instant now) {
        final Instant since = later(run.lastConfirmedAt(), lastStallWarning);
        if (run.inFlight().unconsumed() > 0 && since.plus(config.confirmTimeout()).isBefore(now)) {
            log.warn("No enriched record for {} s; is enrichment running? locationId={} inFlight={} "
                    + "notYetConsumed={} enrichmentGroup={}", Duration.between(run.lastConfirmedAt(), now).toSeconds(),
                locationId, run.inFlight().size(), run.inFlight().unconsumed(), config.enrichmentGroup());
            lastStallWarning = now;
        }
    }

    private static Instant later(final Instant a, final Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private void checkpoint() {
        final Instant now = clock.instant();
        publisher.publishProgress(progress(now));
        announce(now);
    }

    private BackfillProgress progress(final Instant now) {
        last = run.checkpoint(now, watch == null ? run.enrichedOffsets() : watch.positions());
        return last;
    }

    private void announce(final Instant now) {
        nextCheckpoint = now.plus(config.checkpointInterval());
        listener.onCheckpoint(last);
    }

    /** Records the failure in a FAILED checkpoint, so status shows it and a new run resumes from the last page. */
    private BackfillException failed(final String reason, final Exception cause) {
        log.error("Backfill failed; run it again to resume from its last checkpoint locationId={} runId={} reason={}",
            locationId, run.runId(), reason);
        run.fail(reason);
        checkpoint();
        return new BackfillException("backfill of location " + locationId + " failed: " + reason, cause);
    }
}
