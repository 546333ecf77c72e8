package io.keepersync.sink.consume;

import io.keepersync.schemas.EnrichedContact;
import io.keepersync.sink.store.ContactChange;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns records of the enriched topic into store changes. A record with a value replaces the contact
 * the value names; a tombstone deletes the contact its key names. Keys are the contact id, or
 * {@code <locationId>:<contactId>}; GHL ids never contain a colon, so the text after the last colon is the id.
 */
public final class ContactChanges {

    private ContactChanges() {
    }

    /** The change this record stands for; empty for a tombstone without a key, which names no contact. */
    public static Optional<ContactChange> of(final ConsumerRecord<String, EnrichedContact> record) {
        if (record.value() != null) {
            return Optional.of(ContactChange.upsert(record.value()));
        }
        if (record.key() == null || record.key().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(ContactChange.delete(contactIdOf(record.key())));
    }

    static String contactIdOf(final String key) {
        return key.substring(key.lastIndexOf(':') + 1);
    }
}
