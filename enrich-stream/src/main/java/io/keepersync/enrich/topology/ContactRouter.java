package io.keepersync.enrich.topology;

import io.keepersync.ghl.GhlApi;
import io.keepersync.ghl.GhlApiException;
import io.keepersync.schemas.ContactEvent;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure each event is processed on its contact's partition. Events keyed by their contact go
 * straight on to enrichment; others are sent back to the events topic keyed by the contact, after
 * asking GHL for the contact of a task event that arrived without one (PITFALLS 5).
 */
final class ContactRouter implements Processor<String, ContactEvent, String, Object> {

    private static final Logger log = LoggerFactory.getLogger(ContactRouter.class);

    private final GhlApi ghl;
    private ProcessorContext<String, Object> context;
    private LocationStates locations;

    ContactRouter(final GhlApi ghl) {
        this.ghl = ghl;
    }

    @Override
    public void init(final ProcessorContext<String, Object> context) {
        this.context = context;
        this.locations = new LocationStates(context.getStateStore(EnrichTopology.LOCATION_STORE));
    }

    @Override
    public void process(final Record<String, ContactEvent> record) {
        final ContactEvent event = record.value();
        if (event == null) {
            return;
        }
        final EventKind kind = EventKind.of(event.getEventType());
        if (kind == EventKind.RECONCILE_END) {
            context.forward(record, EnrichTopology.ENRICHER);
            return;
        }
        if (kind == EventKind.APP_LIFECYCLE) {
            recordInstallation(record, event);
            return;
        }
        if (!kind.concernsContact()) {
            log.info("Skipping event that changes no contact eventType={} locationId={} webhookId={}",
                event.getEventType(), event.getLocationId(), event.getWebhookId());
            return;
        }
        if (locations.uninstalled(event.getLocationId())) {
            log.debug("Skipping event of an uninstalled location locationId={} webhookId={}",
                event.getLocationId(), event.getWebhookId());
            return;
        }
        final Optional<String> contactId = contactOf(event, kind);
        if (contactId.isEmpty()) {
            log.warn("Cannot tell which contact an event concerns; skipping eventType={} locationId={} entityId={} webhookId={}",
                event.getEventType(), event.getLocationId(), event.getEntityId(), event.getWebhookId());
            return;
        }
        if (contactId.get().equals(record.key()) && event.getContactId() != null) {
            context.forward(record, EnrichTopology.ENRICHER);
            return;
        }
        final ContactEvent routed = ContactEvent.newBuilder(event).setContactId(contactId.get()).build();
        context.forward(record.withKey(contactId.get()).withValue(routed), EnrichTopology.REROUTE_SINK);
    }

    private void recordInstallation(final Record<String, ContactEvent> record, final ContactEvent event) {
        final String state = "UNINSTALL".equals(event.getEventType()) ? LocationStates.UNINSTALLED : LocationStates.ACTIVE;
        log.info("Location installation changed; syncing {} locationId={} webhookId={}",
            state.equals(LocationStates.ACTIVE) ? "on" : "stops", event.getLocationId(), event.getWebhookId());
        context.forward(record.withKey(event.getLocationId()).withValue(state), EnrichTopology.LOCATIONS_SINK);
    }

    private Optional<String> contactOf(final ContactEvent event, final EventKind kind) {
        if (event.getContactId() != null) {
            return Optional.of(event.getContactId());
        }
        if (kind != EventKind.TASK || event.getEntityId() == null) {
            return Optional.empty();
        }
        try {
            return ghl.contactOfTask(event.getLocationId(), event.getEntityId());
        } catch (GhlApiException e) {
            log.warn("GHL did not tell the contact of a task; skipping locationId={} taskId={} webhookId={} status={}",
                event.getLocationId(), event.getEntityId(), event.getWebhookId(), e.status());
            return Optional.empty();
        }
    }
}
