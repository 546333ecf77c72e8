package io.keepersync.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keepersync.simulator.api.ApiError;
import io.keepersync.simulator.api.ApiServer;
import io.keepersync.simulator.api.ContactSearch;
import io.keepersync.simulator.api.FaultSwitch;
import io.keepersync.simulator.api.RequestStats;
import io.keepersync.simulator.api.TaskSearch;
import io.keepersync.simulator.auth.OAuthInstallation;
import io.keepersync.simulator.auth.SimulatedAuth;
import io.keepersync.simulator.change.ChangeGenerator;
import io.keepersync.simulator.change.Mutations;
import io.keepersync.simulator.data.LocationProfile;
import io.keepersync.simulator.data.SeededRandom;
import io.keepersync.simulator.data.SimClock;
import io.keepersync.simulator.data.World;
import io.keepersync.simulator.webhook.DeliveryFaults;
import io.keepersync.simulator.webhook.WebhookBodies;
import io.keepersync.simulator.webhook.WebhookOutlet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for GoHighLevel: an HTTP server speaking the GHL REST contract over seeded, in-memory
 * data, a Java API that changes that data the way GHL users would, and a sender that delivers the
 * matching signed webhooks. The data is the truth a Keeper store is compared with ({@link #truthOf}).
 *
 * <p>All methods are thread-safe. Mutations return once the change is made and its webhook queued;
 * delivery happens on a background thread ({@link #awaitWebhooksDelivered} waits for it). Data, ids
 * and timestamps depend only on the seed and the sequence of changes, never on the wall clock.
 *
 * <p>{@link #inProcess} builds the same world without server or thread, for tests that create
 * thousands of simulators: webhooks are captured ({@link #drainCapturedWebhooks}) instead of sent.
 */
public final class GhlSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GhlSimulator.class);

    private static final String NO_SERVER_IN_PROCESS = "an in-process simulator has no HTTP server or webhook sender";

    private final World world;
    private final WebhookBodies bodies;
    private final Mutations mutations;
    private final ChangeGenerator changes;
    private final ContactSearch contactSearch;
    private final TaskSearch taskSearch;
    private final RequestStats stats;
    private final FaultSwitch faults;
    private final SimulatedAuth auth;
    private final String appId;
    private final WebhookOutlet webhooks;
    /** Null in process. */
    private final ApiServer server;

    private GhlSimulator(final SimulatorConfig config, final boolean inProcess) {
        final SeededRandom random = new SeededRandom(config.seed());
        this.world = new World();
        final List<String> locationIds = config.locationIds().isEmpty() ? List.of(random.id()) : config.locationIds();
        locationIds.forEach(id -> world.addLocation(LocationProfile.generate(id, random)));
        this.appId = random.hex24();
        this.webhooks = inProcess ? WebhookOutlet.capturing(config.seed())
                : WebhookOutlet.sending(config.seed(), config.webhookUrl(), config.webhookRetryDelay());
        this.bodies = new WebhookBodies(appId);
        this.mutations = new Mutations(world, random, new SimClock(random), bodies, webhooks.sink());
        this.changes = new ChangeGenerator(world, mutations, random);
        this.contactSearch = new ContactSearch(world);
        this.taskSearch = new TaskSearch(world);
        this.stats = new RequestStats();
        this.faults = new FaultSwitch(stats);
        this.auth = new SimulatedAuth(config.accessToken(), config.accessTokenLifetime(), appId);
        this.server = inProcess ? null : startServer(config);
    }

    /** Builds the world for {@code config} and starts serving; blocks until the port is bound. */
    public static GhlSimulator start(final SimulatorConfig config) {
        final GhlSimulator simulator = new GhlSimulator(config, false);
        LOG.info("GHL simulator started port={} locations={} webhooks={}", simulator.port(),
                simulator.locationIds().size(), config.webhookUrl() != null);
        return simulator;
    }

    /**
     * Builds the same world, mutations and change generator as {@link #start} for {@code config}, but
     * starts no HTTP server and no thread: every webhook a change would send is captured, byte for byte,
     * for {@link #drainCapturedWebhooks}, whatever {@code webhookUrl} says. Server settings (port,
     * token, latency, rate limits, retry delay) are ignored. Meant for property tests that build
     * thousands of simulators; nothing blocks.
     */
    public static GhlSimulator inProcess(final SimulatorConfig config) {
        final GhlSimulator simulator = new GhlSimulator(config, true);
        LOG.debug("in-process GHL simulator built seed={} locations={}", config.seed(),
                simulator.locationIds().size());
        return simulator;
    }

    /**
     * {@code http://localhost:PORT}, the base URL to give a GHL client.
     *
     * @throws IllegalStateException in process
     */
    public String baseUrl() {
        return "http://localhost:" + port();
    }

    /** @throws IllegalStateException in process */
    public int port() {
        if (server == null) {
            throw new IllegalStateException(NO_SERVER_IN_PROCESS);
        }
        return server.port();
    }

    /** The served locations, in configuration order. */
    public List<String> locationIds() {
        return world.locationIds();
    }

    /** The simulated marketplace app's id, sent as {@code appId} and {@code versionId} in webhooks. */
    public String appId() {
        return appId;
    }

    /** The Ed25519 public key that verifies {@code X-GHL-Signature}, as a SubjectPublicKeyInfo PEM. */
    public String webhookPublicKeyPem() {
        return webhooks.publicKeyPem();
    }

    /**
     * Points webhooks at a new receiver (null stops new ones), for receivers started after the simulator.
     *
     * @throws IllegalStateException in process
     */
    public void setWebhookUrl(final String url) {
        webhooks.setUrl(url);
    }

    /**
     * Stamps webhooks with the wall-clock time they are made, as GHL does, rather than the simulated time
     * of their change; for gateways that refuse old webhooks. Data timestamps stay simulated.
     */
    public void stampWebhooksWithWallClock() {
        bodies.useDeliveryClock(Clock.systemUTC());
    }

    /**
     * Adds duplicates, reordering and losses to webhook delivery from now on.
     *
     * @throws IllegalStateException in process (apply such faults to the drained list instead)
     */
    public void setDeliveryFaults(final double duplicateRate, final int shuffleWindow, final double dropRate) {
        webhooks.setFaults(new DeliveryFaults(duplicateRate, shuffleWindow, dropRate));
    }

    /**
     * In process: the webhook bodies captured since the last call, in emission order, each exactly the
     * UTF-8 JSON the HTTP sender would sign and POST; the capture is empty afterwards.
     *
     * @throws IllegalStateException when the simulator was started with {@link #start}
     */
    public List<String> drainCapturedWebhooks() {
        return webhooks.drain();
    }

    // --- API faults and auth ---

    /** Sets the location's REST faults from now on, replacing what was set; {@link ApiFaults#none()} clears. */
    public void setApiFaults(final String locationId, final ApiFaults faults) {
        this.faults.set(requireServed(locationId), faults);
    }

    /** {@link #setApiFaults(String, ApiFaults)} for every served location, each with its own burst and storm. */
    public void setApiFaults(final ApiFaults faults) {
        locationIds().forEach(id -> this.faults.set(id, faults));
    }

    /** Switches every location's faults off and releases requests hanging because of them. */
    public void clearApiFaults() {
        faults.clear();
    }

    /**
     * One REST request of the location without HTTP, for in-process clients: throws the {@link ApiError} the
     * faults answer (503 outage or burst, 429 storm), counted as over HTTP. No latency, hang or token fault.
     */
    public void applyApiFaults(final String locationId) {
        faults.applyWithoutHttp(requireServed(locationId));
    }

    /** A new Private Integration Token ({@code pit-<uuid>}) the API accepts for {@code locationId} only. */
    public String issuePrivateToken(final String locationId) {
        return auth.issuePrivateToken(requireServed(locationId));
    }

    /** Installs the simulated app on {@code locationId}: client id, secret and a first single-use refresh token. */
    public OAuthInstallation registerOAuthInstallation(final String locationId) {
        return auth.registerOAuthInstallation(requireServed(locationId));
    }

    /** The token issuer: {@code expireAccessTokens(locationId)}, refresh and refresh-token reuse counters. */
    public SimulatedAuth auth() {
        return auth;
    }

    /** Request counters per location: charged, 429s ({@code rateLimitedCount}), 503s ({@code serverErrorCount}). */
    public RequestStats requestStats() {
        return stats;
    }

    // --- changes ---

    /** Contacts with some tasks, notes and appointments that existed before: no webhooks. Returns their ids. */
    public List<String> seedContacts(final String locationId, final int count) {
        return mutations.seedContacts(locationId, count);
    }

    /** A seeded random mix of the changes below; returns how many webhooks were queued. */
    public int applyRandomChanges(final int count) {
        return changes.apply(count);
    }

    /** The change API itself, with explicit variants (e.g. {@code updateContact(id, fields)}). */
    public Mutations mutations() {
        return mutations;
    }

    public String createContact(final String locationId) {
        return mutations.createContact(locationId);
    }

    public void updateContact(final String contactId) {
        mutations.updateContact(contactId);
    }

    public void updateContact(final String contactId, final ObjectNode fields) {
        mutations.updateContact(contactId, fields);
    }

    public void deleteContact(final String contactId) {
        mutations.deleteContact(contactId);
    }

    public List<String> changeTags(final String contactId, final List<String> add, final List<String> remove) {
        return mutations.changeTags(contactId, add, remove);
    }

    public void changeDnd(final String contactId, final String channel, final boolean active) {
        mutations.changeDnd(contactId, channel, active);
    }

    public String createNote(final String contactId) {
        return mutations.createNote(contactId);
    }

    public void updateNote(final String noteId) {
        mutations.updateNote(noteId);
    }

    public void deleteNote(final String noteId) {
        mutations.deleteNote(noteId);
    }

    public String createTask(final String contactId) {
        return mutations.createTask(contactId);
    }

    public void completeTask(final String taskId) {
        mutations.completeTask(taskId);
    }

    public void deleteTask(final String taskId) {
        mutations.deleteTask(taskId);
    }

    public String createAppointment(final String contactId) {
        return mutations.createAppointment(contactId);
    }

    public void updateAppointment(final String appointmentId) {
        mutations.updateAppointment(appointmentId);
    }

    public void deleteAppointment(final String appointmentId) {
        mutations.deleteAppointment(appointmentId);
    }

    // --- truth ---

    /** Ids of contacts that exist now, in creation order. */
    public Set<String> liveContactIds() {
        return world.liveContactIds();
    }

    /** Ids of contacts that were deleted. */
    public Set<String> deletedContactIds() {
        return world.deletedContactIds();
    }

    /**
     * What the REST API serves about a live contact, as one object you may modify:
     * {@code {"contact": …, "tasks": […], "notes": […], "events": […]}}; empty for unknown or deleted ids.
     */
    public Optional<ObjectNode> truthOf(final String contactId) {
        return world.truthOf(contactId);
    }

    /**
     * The contact a live task belongs to, as {@code POST /locations/{locationId}/tasks/search} with
     * {@code taskId} finds it; empty for unknown tasks and tasks of deleted contacts.
     */
    public Optional<String> contactOfTask(final String taskId) {
        return taskSearch.contactOfTask(taskId);
    }

    /**
     * The live contacts of {@code locationId} with {@code dateUpdated >= since} (millisecond precision),
     * oldest update first, as copies shaped exactly as {@code POST /contacts/search} returns them: the
     * same search with filter {@code dateUpdated gte} and sort {@code dateUpdated asc}, all pages at once.
     *
     * @throws ApiError status 403 when the location is not served
     */
    public List<ObjectNode> contactsUpdatedSince(final String locationId, final Instant since) {
        return contactSearch.updatedSince(locationId, since);
    }

    /**
     * What {@code POST /contacts/search} answers to {@code body} ({@code {contacts, total}}), without
     * HTTP, rate limit or latency, for in-process GHL clients.
     *
     * @throws ApiError with the status and body the endpoint would answer instead (403, 422)
     */
    public ObjectNode searchContacts(final ObjectNode body) {
        return contactSearch.answer(body);
    }

    // --- counters ---

    /** API requests received, rejected ones included. */
    public long requestCount() {
        return stats.total();
    }

    /** API requests charged to {@code locationId}'s rate limit, 429s included. */
    public long requestCount(final String locationId) {
        return stats.of(locationId);
    }

    /** API requests answered with 429. */
    public long throttledCount() {
        return stats.throttledCount();
    }

    /** Webhooks queued for delivery; in process, webhooks captured (drained ones included). */
    public long webhooksEmitted() {
        return webhooks.emitted();
    }

    /** Webhook POSTs made, retries and duplicates included; 0 in process. */
    public long webhooksSent() {
        return webhooks.sent();
    }

    /** Webhooks the receiver answered with 2xx; 0 in process. */
    public long webhooksAccepted() {
        return webhooks.accepted();
    }

    /** Webhooks given up for good (as GHL does on any non-2xx but 429, and after six 429s); 0 in process. */
    public long webhooksDropped() {
        return webhooks.dropped();
    }

    /**
     * Blocks the caller until every queued webhook was accepted or dropped. Returns false when
     * {@code timeout} passed first, or when the caller was interrupted (its interrupt flag stays set).
     * In process it returns true at once: captured webhooks are never pending.
     */
    public boolean awaitWebhooksDelivered(final Duration timeout) {
        return webhooks.awaitDelivered(timeout);
    }

    /** Stops the HTTP server and the webhook sender; undelivered webhooks are discarded. Does nothing in process. */
    @Override
    public void close() {
        if (server == null) {
            return;
        }
        faults.close();
        server.close();
        webhooks.close();
        LOG.info("GHL simulator stopped requests={} throttled={} webhooksAccepted={} webhooksDropped={}",
                stats.total(), stats.throttledCount(), webhooks.accepted(), webhooks.dropped());
    }

    private String requireServed(final String locationId) {
        if (world.location(locationId).isEmpty()) {
            throw new IllegalArgumentException("locationId=" + locationId + " is not served by this simulator");
        }
        return locationId;
    }

    private ApiServer startServer(final SimulatorConfig config) {
        try {
            return ApiServer.start(config, world, mutations, stats, auth, faults);
        } catch (RuntimeException e) {
            webhooks.close();
            throw e;
        }
    }
}
