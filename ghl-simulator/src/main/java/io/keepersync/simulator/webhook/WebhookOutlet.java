package io.keepersync.simulator.webhook;

import java.time.Duration;
import java.util.List;

/**
 * Where a simulator's webhooks go: POSTed by a {@link WebhookSender} (served simulators) or kept by a
 * {@link WebhookCapture} (in process). Owns the signing key, derived from the seed on first use because that
 * is most of an in-process simulator's setup cost. Thread-safe.
 */
public final class WebhookOutlet implements AutoCloseable {

    private static final String NO_SENDER = "an in-process simulator has no HTTP server or webhook sender";

    private final long seed;
    /** Null in process. */
    private final WebhookSender sender;
    /** Null when served. */
    private final WebhookCapture capture;
    private WebhookSigner signer;

    private WebhookOutlet(final long seed, final String url, final Duration retryDelay, final boolean inProcess) {
        this.seed = seed;
        this.capture = inProcess ? new WebhookCapture() : null;
        this.sender = inProcess ? null : new WebhookSender(signer(), url, retryDelay, seed);
    }

    /** Signs and POSTs webhooks to {@code url} (null: none until {@link #setUrl}) on a background thread. */
    public static WebhookOutlet sending(final long seed, final String url, final Duration retryDelay) {
        return new WebhookOutlet(seed, url, retryDelay, false);
    }

    /** Captures webhooks for {@link #drain}; no thread, no network. */
    public static WebhookOutlet capturing(final long seed) {
        return new WebhookOutlet(seed, null, Duration.ZERO, true);
    }

    /** Where mutations hand their webhooks. */
    public WebhookSink sink() {
        return capture != null ? capture : sender;
    }

    /** The Ed25519 public key that verifies {@code X-GHL-Signature}, as a SubjectPublicKeyInfo PEM. */
    public String publicKeyPem() {
        return signer().publicKeyPem();
    }

    /** @throws IllegalStateException in process */
    public void setUrl(final String url) {
        requireSender().setUrl(url);
    }

    /** @throws IllegalStateException in process */
    public void setFaults(final DeliveryFaults faults) {
        requireSender().setFaults(faults);
    }

    /** @throws IllegalStateException when webhooks are sent, not captured */
    public List<String> drain() {
        if (capture == null) {
            throw new IllegalStateException("webhooks are captured only by simulators built with inProcess");
        }
        return capture.drain();
    }

    /** Webhooks queued for delivery; in process, webhooks captured (drained ones included). */
    public long emitted() {
        return capture != null ? capture.emitted() : sender.emitted();
    }

    /** POSTs made, retries and duplicates included; 0 in process. */
    public long sent() {
        return sender == null ? 0 : sender.sent();
    }

    /** Webhooks the receiver answered with 2xx; 0 in process. */
    public long accepted() {
        return sender == null ? 0 : sender.accepted();
    }

    /** Webhooks given up for good; 0 in process. */
    public long dropped() {
        return sender == null ? 0 : sender.dropped();
    }

    /**
     * Blocks until every queued webhook was accepted or dropped; false when {@code timeout} passed first or the
     * caller was interrupted (its flag stays set). True at once in process.
     */
    public boolean awaitDelivered(final Duration timeout) {
        if (sender == null) {
            return true;
        }
        try {
            return sender.awaitDelivered(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the sender; undelivered webhooks are discarded. Does nothing in process. */
    @Override
    public void close() {
        if (sender != null) {
            sender.close();
        }
    }

    private synchronized WebhookSigner signer() {
        if (signer == null) {
            signer = WebhookSigner.forSeed(seed);
        }
        return signer;
    }

    private WebhookSender requireSender() {
        if (sender == null) {
            throw new IllegalStateException(NO_SENDER);
        }
        return sender;
    }
}
