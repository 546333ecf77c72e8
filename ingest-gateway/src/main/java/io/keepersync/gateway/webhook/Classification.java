package io.keepersync.gateway.webhook;

import io.keepersync.schemas.ContactEvent;
import io.keepersync.schemas.QuarantinedEvent;

/** What the gateway does with a signed JSON object: publish it as a contact event or quarantine it. */
public sealed interface Classification {

    /** Kafka record key; records with one key keep their order. Null only for quarantined bodies without ids. */
    String partitionKey();

    /**
     * A handled marketplace event.
     *
     * @param partitionKey contactId if named, else the entity id, else the locationId
     */
    record Marketplace(String partitionKey, ContactEvent event) implements Classification {
    }

    /**
     * A body the pipeline does not sync, kept on the quarantine topic for inspection.
     *
     * @param partitionKey the locationId when the body names one, else null
     */
    record Quarantine(String partitionKey, QuarantineReason reason, QuarantinedEvent event) implements Classification {
    }
}
