package io.keepersync.backfill.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keepersync.ghl.GhlApi;
import java.util.List;
import java.util.Optional;

/** A GHL that knows nothing; tests override the calls they need. */
public class NoGhl implements GhlApi {

    @Override
    public Optional<ObjectNode> contact(final String locationId, final String contactId) {
        return Optional.empty();
    }

    @Override
    public List<ObjectNode> tasks(final String locationId, final String contactId) {
        return List.of();
    }

    @Override
    public List<ObjectNode> notes(final String locationId, final String contactId) {
        return List.of();
    }

    @Override
    public List<ObjectNode> appointments(final String locationId, final String contactId) {
        return List.of();
    }

    @Override
    public JsonNode searchContacts(final String locationId, final ObjectNode body) {
        throw new UnsupportedOperationException("search");
    }

    @Override
    public Optional<String> contactOfTask(final String locationId, final String taskId) {
        return Optional.empty();
    }

    @Override
    public long requestCount() {
        return 0;
    }
}
