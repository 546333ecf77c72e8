package io.keepersync.enrich.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keepersync.ghl.GhlApi;
import io.keepersync.ghl.GhlApiException;
import io.keepersync.ghl.GhlAuthException;
import io.keepersync.ghl.GhlContractException;
import io.keepersync.ghl.ratelimit.Priority;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** An in-memory GHL serving the contract's example payloads, counting the calls made to it. */
final class FakeGhl implements GhlApi {

    static final String LOCATION = "8qN83ajhKeWpYcKzqIp1";
    static final String CONTACT = "cV9Xos78cGC2IymrARjg";

    private static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, ObjectNode> contacts = new ConcurrentHashMap<>();
    final Map<String, Integer> calls = new ConcurrentHashMap<>();
    final Map<String, Integer> backfillCalls = new ConcurrentHashMap<>();
    final Map<String, String> taskOwners = new ConcurrentHashMap<>();
    volatile int failuresToServe;
    volatile boolean refuseWith401;
    volatile boolean breakContract;
    private final List<ObjectNode> tasks;
    private final List<ObjectNode> notes;
    private final List<ObjectNode> events;

    FakeGhl() {
        contacts.put(CONTACT, (ObjectNode) example("get-contact.json").get("contact"));
        tasks = items(example("get-contact-tasks.json").get("tasks"));
        notes = items(example("get-contact-notes.json").get("notes"));
        events = items(example("get-contact-appointments.json").get("events"));
        taskOwners.put("LseOtJnlWlihbzdV8T2f", CONTACT);
    }

    static JsonNode example(final String file) {
        try {
            return JSON.readTree(Path.of(System.getProperty("ghl.examples.dir"), file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int totalCalls() {
        return calls.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public Optional<ObjectNode> contact(final String locationId, final String contactId) {
        called("contact");
        return Optional.ofNullable(contacts.get(contactId));
    }

    @Override
    public List<ObjectNode> tasks(final String locationId, final String contactId) {
        called("tasks");
        return contacts.containsKey(contactId) ? tasks : List.of();
    }

    @Override
    public List<ObjectNode> notes(final String locationId, final String contactId) {
        called("notes");
        return contacts.containsKey(contactId) ? notes : List.of();
    }

    @Override
    public List<ObjectNode> appointments(final String locationId, final String contactId) {
        called("appointments");
        return contacts.containsKey(contactId) ? events : List.of();
    }

    @Override
    public JsonNode searchContacts(final String locationId, final ObjectNode body) {
        called("search");
        return JSON.createObjectNode();
    }

    @Override
    public Optional<String> contactOfTask(final String locationId, final String taskId) {
        called("contactOfTask");
        return Optional.ofNullable(taskOwners.get(taskId));
    }

    @Override
    public long requestCount() {
        return totalCalls();
    }

    /** Calls made through the backfill view are also counted in {@link #backfillCalls}. */
    @Override
    public GhlApi withPriority(final Priority priority) {
        if (priority != Priority.BACKFILL) {
            return this;
        }
        return new ForwardingGhl(this) {
            @Override
            public Optional<ObjectNode> contact(final String locationId, final String contactId) {
                return counted("contact", () -> super.contact(locationId, contactId));
            }

            @Override
            public List<ObjectNode> tasks(final String locationId, final String contactId) {
                return counted("tasks", () -> super.tasks(locationId, contactId));
            }

            @Override
            public List<ObjectNode> notes(final String locationId, final String contactId) {
                return counted("notes", () -> super.notes(locationId, contactId));
            }

            @Override
            public List<ObjectNode> appointments(final String locationId, final String contactId) {
                return counted("appointments", () -> super.appointments(locationId, contactId));
            }
        };
    }

    private <T> T counted(final String endpoint, final Supplier<T> call) {
        backfillCalls.merge(endpoint, 1, Integer::sum);
        return call.get();
    }

    private synchronized void called(final String endpoint) {
        calls.merge(endpoint, 1, Integer::sum);
        if (breakContract) {
            throw new GhlContractException("GET " + endpoint + " answered 401: version header was not found", 401);
        }
        if (refuseWith401) {
            throw new GhlAuthException("GET " + endpoint + " answered 401", 401);
        }
        if (failuresToServe > 0) {
            failuresToServe--;
            throw new GhlApiException("GET " + endpoint + " answered 503 after retries", 503);
        }
    }

    private static List<ObjectNode> items(final JsonNode array) {
        final List<ObjectNode> list = new ArrayList<>();
        array.forEach(item -> list.add((ObjectNode) item));
        return list;
    }
}
