package io.keepersync.enrich.topology;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keepersync.enrich.mapping.ContactMapper;
import io.keepersync.enrich.mapping.GhlTimes;
import io.keepersync.ghl.GhlApi;
import io.keepersync.ghl.GhlApiException;
import io.keepersync.schemas.ContactEvent;
import io.keepersync.schemas.EnrichedContact;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one contact's events into its enriched record. The last record of each contact is kept in a
 * state store; an event re-reads from GHL only the part it touched (a note event re-reads notes), and
 * a contact seen for the first time gets one full read. Runs on a stream thread and blocks it while
 * GHL answers.
 */
final class ContactEnricher implements Processor<String, ContactEvent, String, EnrichedContact> {

    private static final Logger log = LoggerFactory.getLogger(ContactEnricher.class);

    private final GhlApi ghl;
    private final Clock clock;
    private final MeterRegistry metrics;
    private ProcessorContext<String, EnrichedContact> context;
    private KeyValueStore<String, EnrichedContact> contacts;

    ContactEnricher(final GhlApi ghl, final Clock clock, final MeterRegistry metrics) {
        this.ghl = ghl;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public void init(final ProcessorContext<String, EnrichedContact> context) {
        this.context = context;
        this.contacts = context.getStateStore(EnrichTopology.CONTACT_STORE);
    }

    @Override
    public void process(final Record<String, ContactEvent> record) {
        final ContactEvent event = record.value();
        final EventKind kind = EventKind.of(event.getEventType());
        final String contactId = event.getContactId();
        try {
            if (kind == EventKind.CONTACT_DELETE) {
                remove(record, contactId);
            } else {
                refresh(record, kind, contactId);
            }
            count(event, "enriched");
        } catch (GhlApiException e) {
            count(event, "failed");
            log.warn("GHL call failed; event not applied eventType={} locationId={} contactId={} webhookId={} status={}",
                event.getEventType(), event.getLocationId(), contactId, event.getWebhookId(), e.status());
        }
    }

    private void refresh(final Record<String, ContactEvent> record, final EventKind kind, final String contactId) {
        final ContactEvent event = record.value();
        final EnrichedContact current = contacts.get(contactId);
        final FetchPlan plan = current == null ? FetchPlan.FULL : FetchPlan.forKind(kind);
        final EnrichedContact.Builder next = current == null ? EnrichedContact.newBuilder() : EnrichedContact.newBuilder(current);

        if (plan.contact()) {
            final Optional<ObjectNode> contact = ghl.contact(event.getLocationId(), contactId);
            if (contact.isEmpty()) {
                log.info("GHL no longer has the contact; removing it locationId={} contactId={} webhookId={}",
                    event.getLocationId(), contactId, event.getWebhookId());
                remove(record, contactId);
                return;
            }
            ContactMapper.applyContact(next, contact.get());
        }
        fetchRelated(next, plan, event.getLocationId(), contactId);
        next.setSyncedAt(clock.instant());

        final EnrichedContact enriched = next.build();
        contacts.put(contactId, enriched);
        context.forward(record.withKey(contactId).withValue(enriched));
    }

    private void fetchRelated(final EnrichedContact.Builder next, final FetchPlan plan,
                              final String locationId, final String contactId) {
        if (plan.tasks()) {
            next.setTasks(ContactMapper.tasks(ghl.tasks(locationId, contactId)));
        }
        if (plan.notes()) {
            next.setNotes(ContactMapper.notes(ghl.notes(locationId, contactId)));
        }
        if (plan.appointments()) {
            final ZoneId contactZone = GhlTimes.zoneOrUtc(next.getTimezone());
            next.setAppointments(ContactMapper.appointments(ghl.appointments(locationId, contactId), contactZone));
        }
    }

    private void remove(final Record<String, ContactEvent> record, final String contactId) {
        contacts.delete(contactId);
        context.forward(record.withKey(contactId).withValue(null));
    }

    private void count(final ContactEvent event, final String outcome) {
        metrics.counter("enrich.events", "eventType", event.getEventType(), "outcome", outcome).increment();
    }
}
