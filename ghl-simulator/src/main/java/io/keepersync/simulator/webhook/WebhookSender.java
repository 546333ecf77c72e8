package io.keepersync.simulator.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers webhooks the way GHL does: one JSON POST per event with {@code X-GHL-Signature}, any 2xx
 * ends delivery, HTTP 429 is retried after a delay up to {@value #MAX_RETRIES} times, and every other
 * status or I/O error loses the event for good.
 *
 * <p>One background thread sends in the order events were queued, so events of one contact arrive
 * in order unless a retry or {@link DeliveryFaults} reorders them. {@link #enqueue} never blocks.
 */
public final class WebhookSender implements WebhookSink, AutoCloseable {

    /** GHL retries a webhook answered with 429 up to six times. */
    public static final int MAX_RETRIES = 6;

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final WebhookSigner signer;
    private final Duration retryDelay;
    private final Random faultRandom;
    private final HttpClient http;
    private final DelayQueue<Delivery> queue = new DelayQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong emitted = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Object idle = new Object();
    private final Thread worker;
    private long pending;
    private volatile URI url;
    private volatile DeliveryFaults faults = DeliveryFaults.none();
    private volatile boolean running = true;

    /**
     * @param url        where to POST, or null to send nothing until {@link #setUrl} is called
     * @param faultSeed  seed of the random choices made by {@link DeliveryFaults}
     */
    public WebhookSender(final WebhookSigner signer, final String url, final Duration retryDelay,
                         final long faultSeed) {
        this.signer = signer;
        this.retryDelay = retryDelay;
        this.faultRandom = new Random(faultSeed);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        setUrl(url);
        this.worker = new Thread(this::run, "ghl-sim-webhooks");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Changes the receiver; null stops queuing new events (queued ones still go to the new value). */
    public void setUrl(final String newUrl) {
        url = newUrl == null ? null : URI.create(newUrl);
    }

    /** Whether events are currently queued for delivery. */
    public boolean enabled() {
        return url != null;
    }

    public void setFaults(final DeliveryFaults newFaults) {
        faults = newFaults;
    }

    /** Queues an event behind those queued before it; returns false (and drops it) when no URL is set. */
    @Override
    public boolean enqueue(final WebhookEvent event) {
        if (url == null) {
            return false;
        }
        synchronized (idle) {
            pending++;
        }
        emitted.incrementAndGet();
        queue.add(new Delivery(event, 0, System.nanoTime(), sequence.incrementAndGet()));
        return true;
    }

    /** Events queued for delivery since start. */
    public long emitted() {
        return emitted.get();
    }

    /** HTTP POSTs made, retries and duplicates included. */
    public long sent() {
        return sent.get();
    }

    /** Events the receiver answered with 2xx. */
    public long accepted() {
        return accepted.get();
    }

    /** Events given up: non-2xx other than 429, I/O errors, too many 429s, or dropped on purpose. */
    public long dropped() {
        return dropped.get();
    }

    /** Blocks the caller until every queued event was accepted or dropped; false when the timeout passed first. */
    public boolean awaitDelivered(final Duration timeout) throws InterruptedException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (pending > 0) {
                final long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (leftMillis <= 0) {
                    return false;
                }
                idle.wait(leftMillis);
            }
            return true;
        }
    }

    /** Stops the sending thread; events still queued are not sent. */
    @Override
    public void close() {
        running = false;
        worker.interrupt();
        try {
            worker.join(REQUEST_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running) {
            try {
                nextBatch().forEach(this::deliver);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private List<Delivery> nextBatch() throws InterruptedException {
        final List<Delivery> batch = new ArrayList<>();
        batch.add(queue.take());
        final int window = faults.shuffleWindow();
        Delivery next;
        while (batch.size() < window && (next = queue.poll()) != null) {
            batch.add(next);
        }
        if (window > 1) {
            Collections.shuffle(batch, faultRandom);
        }
        return batch;
    }

    private void deliver(final Delivery delivery) {
        final WebhookEvent event = delivery.event();
        if (delivery.retries() == 0 && faultRandom.nextDouble() < faults.dropRate()) {
            LOG.debug("webhook dropped on purpose webhookId={} type={}", event.webhookId(), event.type());
            finish(dropped);
            return;
        }
        final int status = post(event);
        if (status >= 200 && status < 300) {
            duplicateMaybe(delivery);
            finish(accepted);
        } else if (status == 429 && delivery.retries() < MAX_RETRIES) {
            LOG.info("webhook answered 429, will retry webhookId={} type={} retry={}", event.webhookId(),
                    event.type(), delivery.retries() + 1);
            queue.add(new Delivery(event, delivery.retries() + 1, System.nanoTime() + retryDelay.toNanos(),
                    sequence.incrementAndGet()));
        } else {
            LOG.warn("webhook lost webhookId={} type={} locationId={} status={}", event.webhookId(), event.type(),
                    event.locationId(), status);
            finish(dropped);
        }
    }

    private void duplicateMaybe(final Delivery delivery) {
        if (delivery.retries() == 0 && faultRandom.nextDouble() < faults.duplicateRate()) {
            post(delivery.event());
        }
    }

    /** The receiver's status, or 0 when it could not be reached or did not answer in time. */
    private int post(final WebhookEvent event) {
        final URI target = url;
        if (target == null) {
            return 0;
        }
        final HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("X-GHL-Signature", signer.sign(event.body()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(event.body()))
                .build();
        sent.incrementAndGet();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            LOG.debug("webhook POST failed webhookId={} error={}", event.webhookId(), e.toString());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private void finish(final AtomicLong outcome) {
        outcome.incrementAndGet();
        synchronized (idle) {
            pending--;
            if (pending == 0) {
                idle.notifyAll();
            }
        }
    }
}
