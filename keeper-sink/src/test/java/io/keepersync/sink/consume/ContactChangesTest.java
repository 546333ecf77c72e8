package io.keepersync.sink.consume;

import static org.assertj.core.api.Assertions.assertThat;

import io.keepersync.schemas.EnrichedContact;
import io.keepersync.sink.TestContacts;
import io.keepersync.sink.store.ContactChange;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class ContactChangesTest {

    @Test
    void shouldUpsertTheContactTheValueNames() {
        final EnrichedContact contact = TestContacts.contact("c1", "locA");

        final var change = ContactChanges.of(record("locA:c1", contact));

        assertThat(change).contains(ContactChange.upsert(contact));
    }

    @Test
    void shouldDeleteTheContactATombstoneKeyNames() {
        assertThat(ContactChanges.of(record("c1", null))).contains(ContactChange.delete("c1"));
        assertThat(ContactChanges.of(record("locA:c1", null))).contains(ContactChange.delete("c1"));
    }

    @Test
    void shouldIgnoreATombstoneWithoutAKey() {
        assertThat(ContactChanges.of(record(null, null))).isEmpty();
    }

    private static ConsumerRecord<String, EnrichedContact> record(final String key, final EnrichedContact value) {
        return new ConsumerRecord<>("enriched", 0, 0L, key, value);
    }
}
