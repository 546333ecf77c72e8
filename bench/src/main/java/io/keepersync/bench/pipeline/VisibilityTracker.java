package io.keepersync.bench.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keepersync.bench.load.LatencySummary;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;

/**
 * Follows marked contact changes from the gateway's acceptance to their appearance in
 * {@code GET /contacts/{id}}. Each change sets {@code companyName} to {@code bench-e2e-<n>}; a change is
 * visible once the read API shows that marker or a later one for the contact. One thread polls the read
 * API for every accepted change not yet visible, every poll interval, so a latency is overstated by at
 * most one interval. The polls load the process under test too (one {@code GET} per waiting change and
 * interval), which is why the interval is not shorter. Uses Jetty's client, the lighter one on the CPU.
 */
final class VisibilityTracker implements AutoCloseable {

    static final String MARKER_PREFIX = "bench-e2e-";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SIGNIFICANT_DIGITS = 3;

    private final HttpClient http = new HttpClient();
    private final Map<Long, Change> changes = new ConcurrentHashMap<>();
    private final Histogram acceptedToVisible = new ConcurrentHistogram(SIGNIFICANT_DIGITS);
    private final Histogram acceptedToEnriched = new ConcurrentHistogram(SIGNIFICANT_DIGITS);
    private final Histogram enrichedToVisible = new ConcurrentHistogram(SIGNIFICANT_DIGITS);
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        final Thread thread = new Thread(runnable, "bench-visibility-poller");
        thread.setDaemon(true);
        return thread;
    });
    private final String apiKey;
    private volatile String apiUrl;

    /** A scheduled change; fields are written by the relay and poller threads. */
    private static final class Change {
        private final String contactId;
        private final boolean measured;
        private volatile long acceptedNanos;
        private volatile long acceptedEpochMillis;
        private volatile boolean visible;

        Change(final String contactId, final boolean measured) {
            this.contactId = contactId;
            this.measured = measured;
        }

        boolean waiting() {
            return acceptedNanos != 0 && !visible;
        }
    }

    /**
     * Latency figures of the measured changes.
     *
     * @param scheduled measured changes made in the simulator
     * @param accepted of those, accepted by the gateway
     * @param visible of those, seen in the read API
     * @param acceptedToVisible gateway acceptance to read API
     * @param acceptedToEnriched gateway acceptance to the record's {@code syncedAt} (enrichment wrote it)
     * @param enrichedToVisible {@code syncedAt} to read API (transaction commit, sink, poll)
     */
    record Figures(long scheduled, long accepted, long visible, LatencySummary acceptedToVisible,
                   LatencySummary acceptedToEnriched, LatencySummary enrichedToVisible) {
    }

    /**
     * Starts the HTTP client; polling starts with {@link #startPolling}.
     *
     * @param apiKey key for the read API
     */
    VisibilityTracker(final String apiKey) throws Exception {
        this.apiKey = apiKey;
        http.start();
    }

    /** Starts asking the read API at {@code apiUrl} every {@code pollInterval}. */
    void startPolling(final String url, final Duration pollInterval) {
        this.apiUrl = url;
        final long every = pollInterval.toNanos();
        poller.scheduleAtFixedRate(this::pollOnce, every, every, TimeUnit.NANOSECONDS);
    }

    /** The {@code companyName} marking change {@code sequence}. */
    static String marker(final long sequence) {
        return MARKER_PREFIX + sequence;
    }

    /** Registers a change before it is made; {@code measured} is false during warm-up. */
    void expect(final long sequence, final String contactId, final boolean measured) {
        changes.put(sequence, new Change(contactId, measured));
    }

    /** Called by the relay for every accepted webhook; ignores those that carry no marker. */
    void accepted(final JsonNode body, final long acceptedNanos, final long acceptedEpochMillis) {
        final long sequence = sequenceOf(body.path("companyName").asText(""));
        final Change change = sequence < 0 ? null : changes.get(sequence);
        if (change != null && change.acceptedNanos == 0) {
            change.acceptedEpochMillis = acceptedEpochMillis;
            change.acceptedNanos = acceptedNanos;
        }
    }

    /** Blocks until every accepted measured change is visible or {@code timeout} passed. */
    void awaitVisible(final Duration timeout) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && changes.values().stream().anyMatch(c -> c.measured && c.waiting())) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    Figures figures() {
        final long scheduled = changes.values().stream().filter(c -> c.measured).count();
        final long accepted = changes.values().stream().filter(c -> c.measured && c.acceptedNanos != 0).count();
        final long visible = changes.values().stream().filter(c -> c.measured && c.visible).count();
        return new Figures(scheduled, accepted, visible, LatencySummary.ofMicros(acceptedToVisible),
            LatencySummary.ofMicros(acceptedToEnriched), LatencySummary.ofMicros(enrichedToVisible));
    }

    @Override
    public void close() throws Exception {
        poller.shutdownNow();
        http.stop();
    }

    private void pollOnce() {
        changes.forEach((sequence, change) -> {
            if (change.waiting()) {
                check(sequence, change);
            }
        });
    }

    private void check(final long sequence, final Change change) {
        final JsonNode contact = readContact(change.contactId);
        if (contact == null || sequenceOf(contact.path("companyName").asText("")) < sequence) {
            return;
        }
        final long visibleNanos = System.nanoTime();
        final long visibleEpochMillis = System.currentTimeMillis();
        change.visible = true;
        if (!change.measured) {
            return;
        }
        acceptedToVisible.recordValue(Math.max(1, (visibleNanos - change.acceptedNanos) / 1000));
        final String syncedAt = contact.path("syncedAt").asText(null);
        if (syncedAt != null) {
            final long enrichedMillis = Instant.parse(syncedAt).toEpochMilli();
            acceptedToEnriched.recordValue(Math.max(1, (enrichedMillis - change.acceptedEpochMillis) * 1000));
            enrichedToVisible.recordValue(Math.max(1, (visibleEpochMillis - enrichedMillis) * 1000));
        }
    }

    /** The contact as the read API shows it, or null when absent or unreachable. Blocks up to 5 s. */
    private JsonNode readContact(final String contactId) {
        try {
            final ContentResponse response = http.newRequest(apiUrl + "/contacts/" + contactId)
                .timeout(5, TimeUnit.SECONDS)
                .headers(headers -> headers.put("Authorization", "Bearer " + apiKey))
                .send();
            return response.getStatus() == 200 ? JSON.readTree(response.getContent()).path("contact") : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (IOException | ExecutionException | TimeoutException e) {
            return null;
        }
    }

    private static long sequenceOf(final String companyName) {
        if (!companyName.startsWith(MARKER_PREFIX)) {
            return -1;
        }
        try {
            return Long.parseLong(companyName.substring(MARKER_PREFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
