package io.keepersync.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keepersync.simulator.api.ApiServer;
import io.keepersync.simulator.api.RequestStats;
import io.keepersync.simulator.change.ChangeGenerator;
import io.keepersync.simulator.change.Mutations;
import io.keepersync.simulator.data.LocationProfile;
import io.keepersync.simulator.data.SeededRandom;
import io.keepersync.simulator.data.SimClock;
import io.keepersync.simulator.data.World;
import io.keepersync.simulator.webhook.DeliveryFaults;
import io.keepersync.simulator.webhook.WebhookBodies;
import io.keepersync.simulator.webhook.WebhookSender;
import io.keepersync.simulator.webhook.WebhookSigner;
import java.time.Duration;
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
 */
public final class GhlSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GhlSimulator.class);

    private final World world;
    private final Mutations mutations;
    private final ChangeGenerator changes;
    private final WebhookSigner signer;
    private final WebhookSender sender;
    private final RequestStats stats;
    private final ApiServer server;
    private final String appId;

    private GhlSimulator(final SimulatorConfig config) {
        final SeededRandom random = new SeededRandom(config.seed());
        this.world = new World();
        final List<String> locationIds = config.locationIds().isEmpty() ? List.of(random.id()) : config.locationIds();
        locationIds.forEach(id -> world.addLocation(LocationProfile.generate(id, random)));
        this.appId = random.hex24();
        this.signer = WebhookSigner.forSeed(config.seed());
        this.sender = new WebhookSender(signer, config.webhookUrl(), config.webhookRetryDelay(), config.seed());
        this.mutations = new Mutations(world, random, new SimClock(random), new WebhookBodies(appId), sender);
        this.changes = new ChangeGenerator(world, mutations, random);
        this.stats = new RequestStats();
        this.server = startServer(config);
    }

    /** Builds the world for {@code config} and starts serving; blocks until the port is bound. */
    public static GhlSimulator start(final SimulatorConfig config) {
        final GhlSimulator simulator = new GhlSimulator(config);
        LOG.info("GHL simulator started port={} locations={} webhooks={}", simulator.port(),
                simulator.locationIds().size(), config.webhookUrl() != null);
        return simulator;
    }

    /** {@code http://localhost:PORT}, the base URL to give a GHL client. */
    public String baseUrl() {
        return "http://localhost:" + port();
    }

    public int port() {
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
        return signer.publicKeyPem();
    }

    /** Points webhooks at a new receiver (null stops new ones), for receivers started after the simulator. */
    public void setWebhookUrl(final String url) {
        sender.setUrl(url);
    }

    /** Adds duplicates, reordering and losses to webhook delivery from now on. */
    public void setDeliveryFaults(final double duplicateRate, final int shuffleWindow, final double dropRate) {
        sender.setFaults(new DeliveryFaults(duplicateRate, shuffleWindow, dropRate));
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

    /** Webhooks queued for delivery. */
    public long webhooksEmitted() {
        return sender.emitted();
    }

    /** Webhook POSTs made, retries and duplicates included. */
    public long webhooksSent() {
        return sender.sent();
    }

    /** Webhooks the receiver answered with 2xx. */
    public long webhooksAccepted() {
        return sender.accepted();
    }

    /** Webhooks given up for good (as GHL does on any non-2xx but 429, and after six 429s). */
    public long webhooksDropped() {
        return sender.dropped();
    }

    /**
     * Blocks the caller until every queued webhook was accepted or dropped. Returns false when
     * {@code timeout} passed first, or when the caller was interrupted (its interrupt flag stays set).
     */
    public boolean awaitWebhooksDelivered(final Duration timeout) {
        try {
            return sender.awaitDelivered(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the HTTP server and the webhook sender; undelivered webhooks are discarded. */
    @Override
    public void close() {
        server.close();
        sender.close();
        LOG.info("GHL simulator stopped requests={} throttled={} webhooksAccepted={} webhooksDropped={}",
                stats.total(), stats.throttledCount(), sender.accepted(), sender.dropped());
    }

    private ApiServer startServer(final SimulatorConfig config) {
        try {
            return ApiServer.start(config, world, mutations, stats);
        } catch (RuntimeException e) {
            sender.close();
            throw e;
        }
    }
}
