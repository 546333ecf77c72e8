package io.keepersync.launcher.convergence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keepersync.ghl.GhlApi;
import io.keepersync.simulator.GhlSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The GHL API answered straight from an in-process simulator's truth, counting the requests. */
final class InProcessGhlApi implements GhlApi {

    private final GhlSimulator ghl;
    private long requests;

    InProcessGhlApi(final GhlSimulator ghl) {
        this.ghl = ghl;
    }

    @Override
    public Optional<ObjectNode> contact(final String locationId, final String contactId) {
        requests++;
        return ghl.truthOf(contactId).map(truth -> (ObjectNode) truth.get("contact"));
    }

    @Override
    public List<ObjectNode> tasks(final String locationId, final String contactId) {
        return list(contactId, "tasks");
    }

    @Override
    public List<ObjectNode> notes(final String locationId, final String contactId) {
        return list(contactId, "notes");
    }

    @Override
    public List<ObjectNode> appointments(final String locationId, final String contactId) {
        return list(contactId, "events");
    }

    @Override
    public JsonNode searchContacts(final String locationId, final ObjectNode body) {
        requests++;
        return ghl.searchContacts(body);
    }

    @Override
    public Optional<String> contactOfTask(final String locationId, final String taskId) {
        requests++;
        return ghl.contactOfTask(taskId);
    }

    @Override
    public long requestCount() {
        return requests;
    }

    private List<ObjectNode> list(final String contactId, final String field) {
        requests++;
        final List<ObjectNode> items = new ArrayList<>();
        ghl.truthOf(contactId).ifPresent(truth -> truth.path(field).forEach(item -> items.add((ObjectNode) item)));
        return items;
    }
}
