package io.keepersync.ghl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keepersync.ghl.ratelimit.Priority;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The part of the GHL REST API (CONTRACT §4) that Keeper Sync reads. Each call blocks the calling
 * thread until GHL answered, retrying rate-limited (429) and failed (5xx, I/O) calls with backoff.
 *
 * <p>Results are GHL's JSON objects as received, unknown fields included.
 *
 * <p>Failures: {@link GhlAuthException} when GHL refuses the location's token (401) and renewing it did not
 * help or was not possible, {@link GhlContractException} when GHL says our request breaks the contract, e.g. a
 * missing {@code Version} header (never a reason to refresh, PITFALLS 18), {@link GhlApiException} otherwise, with
 * {@link GhlApiException#status()} 0 when GHL did not answer. Exception messages never carry tokens or
 * response bodies.
 *
 * @throws GhlApiException from every method when GHL keeps failing or refuses the call
 */
public interface GhlApi {

    /** {@code GET /contacts/{contactId}}: the {@code contact} object, or empty when GHL no longer has it. */
    Optional<ObjectNode> contact(String locationId, String contactId);

    /** {@code GET /contacts/{contactId}/tasks}: the {@code tasks} array. */
    List<ObjectNode> tasks(String locationId, String contactId);

    /** {@code GET /contacts/{contactId}/notes}: the {@code notes} array. */
    List<ObjectNode> notes(String locationId, String contactId);

    /** {@code GET /contacts/{contactId}/appointments}: the {@code events} array. */
    List<ObjectNode> appointments(String locationId, String contactId);

    /** {@code POST /contacts/search} with the given body; the whole response ({@code contacts}, {@code total}). */
    JsonNode searchContacts(String locationId, ObjectNode body);

    /**
     * {@code POST /locations/{locationId}/tasks/search}: the contact a task belongs to, for task events
     * that arrive without {@code contactId} (PITFALLS 5). Empty when GHL does not know the task.
     */
    Optional<String> contactOfTask(String locationId, String taskId);

    /** How many HTTP requests this client has sent to GHL, retries included. */
    long requestCount();

    /**
     * A view of this client whose calls wait for rate-budget permits at {@code priority}; the same client when
     * it keeps no budget.
     */
    default GhlApi withPriority(final Priority priority) {
        return this;
    }

    /** What GHL last said is left of the location's daily request budget; empty before any answer. */
    default OptionalLong dailyRemaining(final String locationId) {
        return OptionalLong.empty();
    }
}
