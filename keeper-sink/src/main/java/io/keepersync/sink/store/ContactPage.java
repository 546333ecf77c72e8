package io.keepersync.sink.store;

import io.keepersync.schemas.EnrichedContact;
import java.util.List;

/**
 * One page of a location's contacts, ordered by contact id.
 *
 * @param contacts the contacts of this page, at most the requested limit
 * @param hasMore whether contacts follow the last one of this page
 */
public record ContactPage(List<EnrichedContact> contacts, boolean hasMore) {

    public ContactPage {
        contacts = List.copyOf(contacts);
    }

    /** The id of the last contact of this page, the cursor for the next page; null when the page is empty. */
    public String lastContactId() {
        return contacts.isEmpty() ? null : contacts.get(contacts.size() - 1).getId();
    }
}
