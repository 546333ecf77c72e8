package io.keepersync.backfill.search;

import java.time.Instant;
import java.util.Objects;

/**
 * Where the next page of a backfill's contact search starts, in the search order (ascending {@code dateAdded},
 * then id): after the contact {@code lastContactId} added at {@code dateAdded}. {@code page} is 1 except inside
 * a run of more than a page of contacts sharing one {@code dateAdded}, where it counts the pages of that run.
 *
 * @param dateAdded the {@code dateAdded} of the last contact published
 * @param lastContactId that contact's id
 * @param page which page of the contacts added at or after {@code dateAdded} to ask for
 */
public record SearchPosition(Instant dateAdded, String lastContactId, int page) {

    public SearchPosition {
        Objects.requireNonNull(dateAdded, "dateAdded");
        Objects.requireNonNull(lastContactId, "lastContactId");
        if (page < 1) {
            throw new IllegalArgumentException("page must be at least 1, was " + page);
        }
    }

    /** Whether a contact added at {@code added} with id {@code contactId} comes after this position. */
    boolean isBefore(final Instant added, final String contactId) {
        final int byTime = added.compareTo(dateAdded);
        return byTime > 0 || byTime == 0 && contactId.compareTo(lastContactId) > 0;
    }
}
