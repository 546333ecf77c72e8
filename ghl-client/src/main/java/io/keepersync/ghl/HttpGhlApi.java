package io.keepersync.ghl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keepersync.ghl.ratelimit.Priority;
import io.keepersync.ghl.ratelimit.RateBudgets;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link GhlApi} over HTTPS with the JDK's {@link java.net.http.HttpClient}, Jackson and resilience4j.
 *
 * <p>Every call blocks the calling thread until GHL answered or the retries ran out, and sends
 * {@code Authorization: Bearer <token>}, {@code Accept: application/json} and the {@code Version} header of
 * its app (CONTRACT §1). Retries: on 429, 5xx, timeouts and I/O errors, up to
 * {@link GhlClientConfig#maxAttempts()} requests, waiting between attempts as {@code Retry-After} or
 * {@code X-RateLimit-Interval-Milliseconds} ask on a 429, else with exponential backoff and jitter. Other
 * refusals are not retried. A 401 that refuses the token (expired, invalid) makes the client ask
 * {@link TokenProvider#renew} for a new one and, when it got one, send the call once more; a 401 that remains
 * throws {@link GhlAuthException}. A 401 saying the {@code Version} header is missing or invalid (PITFALLS 18)
 * throws {@link GhlContractException} and never renews the token. Other statuses throw {@link GhlApiException}.
 *
 * <p>Metrics: counter {@code ghl.requests}, tagged {@code endpoint} (path template such as
 * {@code /contacts/{id}/notes}) and {@code outcome} ({@code 2xx}, {@code 4xx}, {@code 429}, {@code 5xx},
 * {@code io}), one increment per HTTP request sent. Thread-safe: one instance serves all locations.
 *
 * <p>Rate budget: before each HTTP request, retries included, the calling thread takes a permit of the
 * location's {@link io.keepersync.ghl.ratelimit.RateBudget}, shared by every caller of this instance and of
 * its {@link #withPriority(Priority)} views, and blocks until one is free, at most
 * {@link io.keepersync.ghl.ratelimit.RateLimitConfig#maxWait()}; then the call fails with a retriable
 * {@link GhlApiException} of status 429. Calls through this instance are {@link Priority#LIVE}. Every answer's
 * rate-limit headers feed the budget. {@link Priority#BACKFILL} views leave a fifth of each burst
 * ({@code liveReserveFraction}) to live calls; {@link #share(double)} limits this process to a share of the
 * burst when several instances call GHL. Metrics {@code ghl.ratelimit.wait} and {@code ghl.ratelimit.rejected},
 * tagged {@code locationId}.
 */
public final class HttpGhlApi implements GhlApi {

    private static final Logger LOG = LoggerFactory.getLogger(HttpGhlApi.class);

    private final ObjectMapper mapper = new ObjectMapper();
    private final RequestMetrics metrics;
    private final GhlTransport transport;
    private final GhlErrors errors;
    private final RateBudgets budgets;
    private final Priority priority;

    /** A client that records its metrics on {@code registry}. */
    public HttpGhlApi(final GhlClientConfig config, final TokenProvider tokens, final MeterRegistry registry) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(registry, "registry");
        this.metrics = new RequestMetrics(registry);
        this.errors = new GhlErrors(mapper, config.maxAttempts());
        this.budgets = new RateBudgets(config.rateLimit(), registry);
        this.transport = new GhlTransport(config, tokens, metrics, errors, budgets);
        this.priority = Priority.LIVE;
        LOG.info("GHL client created baseUrl={} maxAttempts={} requestTimeoutMs={} burst={} windowMs={}",
                config.baseUrl(), config.maxAttempts(), config.requestTimeout().toMillis(),
                config.rateLimit().burst(), config.rateLimit().window().toMillis());
    }

    /**
     * A client whose metrics go to a private {@link SimpleMeterRegistry} that nothing publishes; use the
     * other constructor to expose them. {@link #requestCount()} works either way.
     */
    public HttpGhlApi(final GhlClientConfig config, final TokenProvider tokens) {
        this(config, tokens, new SimpleMeterRegistry());
    }

    private HttpGhlApi(final HttpGhlApi shared, final Priority priority) {
        this.metrics = shared.metrics;
        this.transport = shared.transport;
        this.errors = shared.errors;
        this.budgets = shared.budgets;
        this.priority = priority;
    }

    /**
     * A view of this client whose calls take rate-budget permits at {@code priority}, e.g.
     * {@link Priority#BACKFILL} for catch-up work that should yield to live events. It shares this client's
     * HTTP connections, rate budgets, metrics and {@link #requestCount()}.
     */
    @Override
    public HttpGhlApi withPriority(final Priority value) {
        Objects.requireNonNull(value, "priority");
        return value == priority ? this : new HttpGhlApi(this, value);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Empty on 404, and on a 400/422 whose message says the contact was not found or deleted: GHL's v2
     * spec declares no 404 here, so a gone contact may be reported as a validation error.
     */
    @Override
    public Optional<ObjectNode> contact(final String locationId, final String contactId) {
        final GhlRequest request = GhlRequest.get(Endpoint.CONTACT, requireId(locationId), requireId(contactId));
        final HttpResponse<byte[]> response = transport.send(request, priority);
        if (errors.contactGone(response)) {
            return Optional.empty();
        }
        return Optional.of(objectField(request, response, "contact"));
    }

    @Override
    public List<ObjectNode> tasks(final String locationId, final String contactId) {
        return list(Endpoint.CONTACT_TASKS, locationId, contactId, "tasks");
    }

    @Override
    public List<ObjectNode> notes(final String locationId, final String contactId) {
        return list(Endpoint.CONTACT_NOTES, locationId, contactId, "notes");
    }

    @Override
    public List<ObjectNode> appointments(final String locationId, final String contactId) {
        return list(Endpoint.CONTACT_APPOINTMENTS, locationId, contactId, "events");
    }

    @Override
    public JsonNode searchContacts(final String locationId, final ObjectNode body) {
        Objects.requireNonNull(body, "body");
        final GhlRequest request = GhlRequest.post(Endpoint.SEARCH_CONTACTS, requireId(locationId), "", json(body));
        return succeeded(request, transport.send(request, priority));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Sends {@code {"taskId": …}} and picks the returned task whose {@code id} (or {@code _id}) is
     * {@code taskId}; empty when there is none or it has no {@code contactId}.
     */
    @Override
    public Optional<String> contactOfTask(final String locationId, final String taskId) {
        requireId(taskId);
        final ObjectNode body = mapper.createObjectNode().put("taskId", taskId);
        final GhlRequest request = GhlRequest.post(Endpoint.SEARCH_TASKS, requireId(locationId), locationId,
                json(body));
        return arrayField(request, transport.send(request, priority), "tasks").stream()
                .filter(task -> taskId.equals(idOf(task)))
                .map(task -> task.path("contactId").asText(""))
                .filter(contactId -> !contactId.isBlank())
                .findFirst();
    }

    @Override
    public long requestCount() {
        return metrics.sent();
    }

    /** {@inheritDoc} Read from the last {@code X-RateLimit-Daily-Remaining} GHL sent for the location. */
    @Override
    public OptionalLong dailyRemaining(final String locationId) {
        return budgets.dailyRemaining(locationId);
    }

    /**
     * Sets the share (0, 1] of every location's burst this process may use, from now on, for this client and
     * all its {@link #withPriority} views; with N instances calling GHL for the same app and locations, each
     * takes 1/N. GHL's {@code X-RateLimit-Remaining} still caps the budget. Safe to call from any thread.
     *
     * @throws IllegalArgumentException when {@code fraction} is not in (0, 1]
     */
    public void share(final double fraction) {
        budgets.share(fraction);
    }

    /** The share of each location's burst this process uses (1 unless {@link #share(double)} changed it). */
    public double share() {
        return budgets.share();
    }

    private List<ObjectNode> list(final Endpoint endpoint, final String locationId, final String contactId,
            final String field) {
        final GhlRequest request = GhlRequest.get(endpoint, requireId(locationId), requireId(contactId));
        return arrayField(request, transport.send(request, priority), field);
    }

    /** The parsed body of a 2xx answer; any other answer becomes the matching exception. */
    private JsonNode succeeded(final GhlRequest request, final HttpResponse<byte[]> response) {
        if (response.statusCode() / 100 != 2) {
            throw errors.failure(request.endpoint(), request.locationId(), response);
        }
        try {
            return mapper.readTree(response.body());
        } catch (IOException e) {
            throw unexpectedShape(request, response.statusCode(), "a body that is not JSON");
        }
    }

    private ObjectNode objectField(final GhlRequest request, final HttpResponse<byte[]> response,
            final String field) {
        final JsonNode value = succeeded(request, response).path(field);
        if (!value.isObject()) {
            throw unexpectedShape(request, response.statusCode(), "no '" + field + "' object");
        }
        return (ObjectNode) value;
    }

    /** The objects of an array field of a 2xx answer; a missing or null field counts as an empty list. */
    private List<ObjectNode> arrayField(final GhlRequest request, final HttpResponse<byte[]> response,
            final String field) {
        final JsonNode value = succeeded(request, response).path(field);
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw notArrayOfObjects(request, response, field);
        }
        final List<ObjectNode> result = new ArrayList<>();
        for (final JsonNode item : value) {
            if (!item.isObject()) {
                throw notArrayOfObjects(request, response, field);
            }
            result.add((ObjectNode) item);
        }
        return List.copyOf(result);
    }

    private GhlContractException notArrayOfObjects(final GhlRequest request, final HttpResponse<byte[]> response,
            final String field) {
        return unexpectedShape(request, response.statusCode(), "'" + field + "' that is not an array of objects");
    }

    private GhlContractException unexpectedShape(final GhlRequest request, final int status, final String what) {
        return new GhlContractException(GhlErrors.describe(request.endpoint(), request.locationId(), status)
                + ": answer has " + what, status);
    }

    private static String idOf(final JsonNode task) {
        return task.has("id") ? task.path("id").asText() : task.path("_id").asText();
    }

    private byte[] json(final ObjectNode body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body cannot be written as JSON", e);
        }
    }

    private static String requireId(final String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("GHL ids must not be null or blank");
        }
        return id;
    }
}
