package io.keepersync.backfill.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keepersync.ghl.GhlApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A GHL whose contact search behaves as the simulator's (filters {@code dateAdded}/{@code dateUpdated gte}, sort
 * by {@code dateAdded} then id, page numbers, {@code total}); contacts can be added and removed between pages,
 * and searches can be made to fail. Thread-safe enough for one backfill thread and a test thread.
 */
public final class SearchableGhl extends NoGhl {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Map<String, ObjectNode> contacts = new ConcurrentHashMap<>();
    private final AtomicInteger searches = new AtomicInteger();
    private volatile GhlApiException failure;
    private volatile int failuresLeft;
    private volatile Runnable beforeSearch = () -> { };

    /** Adds a contact added at {@code added} and last updated at {@code updated}. */
    public void add(final String id, final Instant added, final Instant updated) {
        contacts.put(id, JSON.objectNode().put("id", id).put("locationId", "loc")
            .put("dateAdded", added.toString()).put("dateUpdated", updated.toString()).put("firstName", "F" + id));
    }

    /** Adds {@code count} contacts {@code c0000…}, one second apart from {@code start}. */
    public List<String> addMany(final int count, final Instant start) {
        final List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            final String id = String.format("c%04d", i);
            add(id, start.plusSeconds(i), start.plusSeconds(i));
            ids.add(id);
        }
        return ids;
    }

    public void remove(final String id) {
        contacts.remove(id);
    }

    /** The next {@code times} searches fail with {@code error}. */
    public void failNext(final int times, final GhlApiException error) {
        failure = error;
        failuresLeft = times;
    }

    /** Runs before every search, on the searching thread (e.g. to change contacts between pages). */
    public void beforeSearch(final Runnable action) {
        beforeSearch = action;
    }

    public int searches() {
        return searches.get();
    }

    @Override
    public JsonNode searchContacts(final String locationId, final ObjectNode body) {
        searches.incrementAndGet();
        beforeSearch.run();
        if (failuresLeft > 0) {
            failuresLeft--;
            throw failure;
        }
        Predicate<ObjectNode> filter = contact -> true;
        for (final JsonNode condition : body.path("filters")) {
            final String field = condition.path("field").asText();
            final Instant bound = Instant.parse(condition.path("value").asText());
            filter = filter.and(contact -> !Instant.parse(contact.path(field).asText()).isBefore(bound));
        }
        final List<ObjectNode> matches = contacts.values().stream().filter(filter)
            .sorted(Comparator.comparing((ObjectNode c) -> Instant.parse(c.path("dateAdded").asText()))
                .thenComparing(c -> c.path("id").asText()))
            .toList();
        final int limit = body.path("pageLimit").asInt(20);
        final int page = body.path("page").asInt(1);
        final ArrayNode rows = JSON.arrayNode();
        matches.stream().skip((long) (page - 1) * limit).limit(limit).forEach(row -> rows.add(row.deepCopy()));
        final ObjectNode answer = JSON.objectNode();
        answer.set("contacts", rows);
        answer.put("total", matches.size());
        return answer;
    }

    @Override
    public long requestCount() {
        return searches.get();
    }

    @Override
    public OptionalLong dailyRemaining(final String locationId) {
        return OptionalLong.of(200_000 - searches.get());
    }
}
