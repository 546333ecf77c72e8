package io.keepersync.backfill.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The contacts a backfill has published whose enriched record has not appeared yet, with where each event was
 * written. A contact leaves when its record appears ({@link #confirm}), or, once enrichment has consumed its
 * event, when no record followed within a timeout ({@link #expire}): enrichment drops repeats of an earlier
 * backfill and events of uninstalled locations without writing anything. Contacts whose event enrichment has
 * not consumed yet never expire, so a stopped enrichment holds the backfill back instead of being outrun.
 * Not thread-safe.
 */
public final class InFlight {

    private final Map<String, Entry> byContact = new LinkedHashMap<>();

    /**
     * One published contact.
     *
     * @param contactId the contact
     * @param publishedAt when its event was committed
     * @param partition partition of the events topic its event went to
     * @param offset the event's offset there
     * @param consumedAt when the backfill saw enrichment's committed offset pass the event; null before
     */
    public record Entry(String contactId, Instant publishedAt, int partition, long offset, Instant consumedAt) {

        public Entry {
            Objects.requireNonNull(contactId, "contactId");
            Objects.requireNonNull(publishedAt, "publishedAt");
        }

        Entry consumed(final Instant at) {
            return new Entry(contactId, publishedAt, partition, offset, at);
        }
    }

    /** Starts waiting for the contact of this entry, replacing an earlier entry of the same contact. */
    public void add(final Entry entry) {
        byContact.remove(entry.contactId());
        byContact.put(entry.contactId(), entry);
    }

    /** Adds every entry; see {@link #add}. */
    public void addAll(final Collection<Entry> entries) {
        entries.forEach(this::add);
    }

    /** The contact's record appeared: stop waiting for it. Returns whether it was in flight. */
    public boolean confirm(final String contactId) {
        return byContact.remove(contactId) != null;
    }

    /**
     * Notes which events enrichment has consumed.
     *
     * @param committed per partition of the events topic, enrichment's committed offset (the next one it reads)
     */
    public void consumedUpTo(final Map<Integer, Long> committed, final Instant now) {
        byContact.replaceAll((contactId, entry) -> {
            final Long next = committed.get(entry.partition());
            return entry.consumedAt() == null && next != null && next > entry.offset() ? entry.consumed(now) : entry;
        });
    }

    /** Stops waiting for contacts consumed more than {@code timeout} ago without a record; returns their ids. */
    public List<String> expire(final Instant now, final Duration timeout) {
        final List<String> expired = new ArrayList<>();
        byContact.values().removeIf(entry -> {
            final boolean stale = entry.consumedAt() != null && entry.consumedAt().plus(timeout).isBefore(now);
            if (stale) {
                expired.add(entry.contactId());
            }
            return stale;
        });
        return expired;
    }

    /** How many contacts are in flight. */
    public int size() {
        return byContact.size();
    }

    public boolean isEmpty() {
        return byContact.isEmpty();
    }

    /** How many in-flight events enrichment has not consumed yet. */
    public long unconsumed() {
        return byContact.values().stream().filter(entry -> entry.consumedAt() == null).count();
    }

    /** The entries, oldest first. */
    public List<Entry> entries() {
        return List.copyOf(byContact.values());
    }
}
