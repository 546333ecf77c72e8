package io.keepersync.backfill;

import io.keepersync.backfill.progress.RateMeter;
import io.keepersync.backfill.search.SearchPage;
import io.keepersync.backfill.search.SearchPosition;
import io.keepersync.backfill.tracking.InFlight;
import io.keepersync.schemas.BackfillPosition;
import io.keepersync.schemas.BackfillProgress;
import io.keepersync.schemas.BackfillState;
import io.keepersync.schemas.ContactEvent;
import io.keepersync.schemas.InFlightContact;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The state of one location's backfill run between checkpoints: where the search stands, what was published and
 * what enrichment has confirmed. Made from a checkpoint when resuming and turned back into one after every step.
 * Not thread-safe.
 */
final class BackfillRun {

    private static final Duration RATE_WINDOW = Duration.ofMinutes(2);

    private final String locationId;
    private final String runId;
    private final Optional<Instant> since;
    private final Instant startedAt;
    private final Map<Integer, Long> enrichedOffsets;
    private final InFlight inFlight = new InFlight();
    private final RateMeter rate = new RateMeter(RATE_WINDOW);
    private Optional<SearchPosition> position;
    private boolean resumed;
    private boolean searchDone;
    private Long total;
    private long published;
    private long enriched;
    private long unconfirmed;
    private OptionalLong dailyCallsLeft = OptionalLong.empty();
    private Instant lastConfirmedAt;
    private BackfillState state = BackfillState.RUNNING;
    private String error;

    private BackfillRun(final String locationId, final String runId, final Optional<Instant> since,
                        final Instant startedAt, final Map<Integer, Long> enrichedOffsets, final Instant now) {
        this.locationId = locationId;
        this.runId = runId;
        this.since = since;
        this.startedAt = startedAt;
        this.enrichedOffsets = Map.copyOf(enrichedOffsets);
        this.position = Optional.empty();
        this.lastConfirmedAt = now;
    }

    /** A new run; the enriched topic is watched from its end. */
    static BackfillRun start(final BackfillRequest request, final Instant now) {
        return new BackfillRun(request.locationId(), UUID.randomUUID().toString(), request.since(), now, Map.of(), now);
    }

    /** The run a checkpoint describes, running again from {@code now}. */
    static BackfillRun resume(final BackfillProgress checkpoint, final Instant now) {
        final Map<Integer, Long> offsets = new HashMap<>();
        checkpoint.getEnrichedOffsets().forEach((partition, offset) -> offsets.put(Integer.valueOf(partition), offset));
        final BackfillRun run = new BackfillRun(checkpoint.getLocationId(), checkpoint.getRunId(),
            Optional.ofNullable(checkpoint.getSince()), checkpoint.getStartedAt(), offsets, now);
        run.position = Optional.ofNullable(checkpoint.getPosition())
            .map(at -> new SearchPosition(at.getDateAdded(), at.getLastContactId(), at.getPage()));
        run.resumed = true;
        run.searchDone = checkpoint.getSearchDone();
        run.total = checkpoint.getTotal();
        run.published = checkpoint.getContactsPublished();
        run.enriched = checkpoint.getContactsEnriched();
        run.unconfirmed = checkpoint.getContactsUnconfirmed();
        run.dailyCallsLeft = checkpoint.getDailyCallsLeft() == null ? OptionalLong.empty()
            : OptionalLong.of(checkpoint.getDailyCallsLeft());
        checkpoint.getInFlight().forEach(contact -> run.inFlight.add(new InFlight.Entry(contact.getContactId(),
            contact.getPublishedAt(), contact.getPartition(), contact.getOffset(), null)));
        return run;
    }

    /** A page's events were written where {@code written} says; the search moves on. */
    void published(final SearchPage page, final List<ContactEvent> events, final List<RecordMetadata> written,
                   final Instant now) {
        for (int i = 0; i < events.size(); i++) {
            final RecordMetadata at = written.get(i);
            inFlight.add(new InFlight.Entry(events.get(i).getContactId(), now, at.partition(), at.offset(), null));
        }
        published += events.size();
        position = page.next().or(() -> position);
        searchDone = page.last();
        page.remaining().ifPresent(remaining -> total = published + remaining);
    }

    /** Records of these contacts appeared on the enriched topic by {@code now}. */
    void confirmed(final List<String> contactIds, final Instant now) {
        for (final String contactId : contactIds) {
            if (inFlight.confirm(contactId)) {
                enriched++;
                lastConfirmedAt = now;
            }
        }
    }

    /**
     * Enrichment committed these offsets. Contacts it consumed more than {@code timeout} ago count as unconfirmed,
     * but only once no record at all appeared for {@code timeout}: while enrichment keeps writing this backfill's
     * contacts, those still waiting are merely queued behind them (at backfill priority, a queue of minutes is
     * normal), not dropped.
     */
    List<String> consumed(final Map<Integer, Long> committed, final Instant now, final Duration timeout) {
        inFlight.consumedUpTo(committed, now);
        if (lastConfirmedAt.plus(timeout).isAfter(now)) {
            return List.of();
        }
        final List<String> expired = inFlight.expire(now, timeout);
        unconfirmed += expired.size();
        return expired;
    }

    /** When the last record of a contact in flight appeared (or the run started, before any). */
    Instant lastConfirmedAt() {
        return lastConfirmedAt;
    }

    void sample(final Instant now) {
        rate.record(now, enriched);
    }

    void dailyCallsLeft(final OptionalLong left) {
        if (left.isPresent()) {
            dailyCallsLeft = left;
        }
    }

    void finish() {
        state = BackfillState.DONE;
    }

    void fail(final String reason) {
        state = BackfillState.FAILED;
        error = reason;
    }

    /** The checkpoint of this run as it stands, with the enriched topic read up to {@code watched}. */
    BackfillProgress checkpoint(final Instant now, final Map<Integer, Long> watched) {
        final Map<String, Long> offsets = new HashMap<>();
        watched.forEach((partition, offset) -> offsets.put(String.valueOf(partition), offset));
        return BackfillProgress.newBuilder()
            .setLocationId(locationId)
            .setRunId(runId)
            .setSince(since.orElse(null))
            .setState(state)
            .setPosition(position.map(at -> new BackfillPosition(at.dateAdded(), at.lastContactId(), at.page()))
                .orElse(null))
            .setSearchDone(searchDone)
            .setTotal(total)
            .setContactsPublished(published)
            .setContactsEnriched(enriched)
            .setContactsUnconfirmed(unconfirmed)
            .setInFlight(inFlight.entries().stream().map(entry -> new InFlightContact(entry.contactId(),
                entry.publishedAt(), entry.partition(), entry.offset())).toList())
            .setEnrichedOffsets(offsets)
            .setContactsPerMinute(rate.perMinute())
            .setDailyCallsLeft(dailyCallsLeft.isPresent() ? dailyCallsLeft.getAsLong() : null)
            .setStartedAt(startedAt)
            .setUpdatedAt(now)
            .setError(error)
            .build();
    }

    String runId() {
        return runId;
    }

    /** Whether this run continues an unfinished one. */
    boolean resumed() {
        return resumed;
    }

    Optional<SearchPosition> position() {
        return position;
    }

    boolean searchDone() {
        return searchDone;
    }

    InFlight inFlight() {
        return inFlight;
    }

    long enriched() {
        return enriched;
    }

    /** Where the enriched topic should be watched from: the checkpoint's offsets, or empty for its end. */
    Map<Integer, Long> enrichedOffsets() {
        return enrichedOffsets;
    }
}
