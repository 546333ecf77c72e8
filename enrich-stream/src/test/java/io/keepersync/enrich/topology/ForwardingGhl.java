package io.keepersync.enrich.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keepersync.ghl.GhlApi;
import java.util.List;
import java.util.Optional;

/** A {@link GhlApi} that passes every call on; tests override the calls they want to watch or hold up. */
class ForwardingGhl implements GhlApi {

    private final GhlApi delegate;

    ForwardingGhl(final GhlApi delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<ObjectNode> contact(final String locationId, final String contactId) {
        return delegate.contact(locationId, contactId);
    }

    @Override
    public List<ObjectNode> tasks(final String locationId, final String contactId) {
        return delegate.tasks(locationId, contactId);
    }

    @Override
    public List<ObjectNode> notes(final String locationId, final String contactId) {
        return delegate.notes(locationId, contactId);
    }

    @Override
    public List<ObjectNode> appointments(final String locationId, final String contactId) {
        return delegate.appointments(locationId, contactId);
    }

    @Override
    public JsonNode searchContacts(final String locationId, final ObjectNode body) {
        return delegate.searchContacts(locationId, body);
    }

    @Override
    public Optional<String> contactOfTask(final String locationId, final String taskId) {
        return delegate.contactOfTask(locationId, taskId);
    }

    @Override
    public long requestCount() {
        return delegate.requestCount();
    }
}
