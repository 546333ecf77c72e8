package io.keepersync.sink.store;

import io.keepersync.schemas.EnrichedContact;
import java.util.Objects;

/**
 * One change to apply to the store: the contact's latest state, or its removal.
 *
 * @param contactId the contact the change is about
 * @param contact the contact's latest state; null means the contact was deleted (a tombstone)
 */
public record ContactChange(String contactId, EnrichedContact contact) {

    public ContactChange {
        Objects.requireNonNull(contactId, "contactId");
        if (contact != null && !contactId.equals(contact.getId())) {
            throw new IllegalArgumentException("change for contactId=" + contactId
                + " carries a contact with id=" + contact.getId());
        }
    }

    /** Stores this contact as its id's latest state. */
    public static ContactChange upsert(final EnrichedContact contact) {
        return new ContactChange(contact.getId(), contact);
    }

    /** Removes the contact with this id, if present. */
    public static ContactChange delete(final String contactId) {
        return new ContactChange(contactId, null);
    }

    /** Whether this change removes the contact. */
    public boolean isDelete() {
        return contact == null;
    }

    /** Names the ids only: contact contents never go into logs through this record. */
    @Override
    public String toString() {
        return "ContactChange[contactId=" + contactId + ", delete=" + isDelete() + "]";
    }
}
