package io.keepersync.gateway.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.keepersync.gateway.metrics.GatewayMetrics;
import io.keepersync.gateway.publish.EventPublisher;
import io.keepersync.gateway.publish.PublishFailure;
import io.keepersync.gateway.signature.SignatureVerdict;
import io.keepersync.gateway.signature.SignatureVerifier;
import io.keepersync.schemas.ContactEvent;
import io.keepersync.schemas.QuarantinedEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles {@code POST /webhooks/ghl}: reads the raw body within the size limit, checks its signature,
 * parses it, refuses stale timestamps, classifies it and answers only once Kafka holds the record — 200
 * for a contact event, 202 for a quarantined body, 429 with {@code Retry-After} when Kafka cannot take it
 * for now (the only status GHL retries on), 413 or 400 when Kafka refuses the record itself. Refusals are
 * thrown as {@link RejectedRequest}.
 *
 * <p>Verifying and parsing run on the Jetty request thread. The body is already in memory when this
 * handler runs (see {@code io.keepersync.gateway.http.BodyLoader}), so reading it does not wait for the
 * client; the wait for Kafka's acknowledgement is asynchronous ({@code ctx.future}).
 */
public final class WebhookHandler implements Handler {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);
    private static final ObjectMapper MAPPER = new ObjectMapper()
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final BodyReader bodyReader;
    private final Optional<SignatureVerifier> verifier;
    private final FreshnessCheck freshness;
    private final WebhookClassifier classifier = new WebhookClassifier();
    private final EventPublisher publisher;
    private final Replies replies;
    private final GatewayMetrics metrics;
    private final Clock clock;

    /**
     * @param maxBodyBytes largest accepted body
     * @param verifier signature checks, or empty when verification is switched off
     * @param maxWebhookAge oldest accepted {@code timestamp}
     */
    public WebhookHandler(final long maxBodyBytes, final Optional<SignatureVerifier> verifier,
                          final Duration maxWebhookAge, final EventPublisher publisher, final Replies replies,
                          final GatewayMetrics metrics, final Clock clock) {
        this.bodyReader = new BodyReader(maxBodyBytes);
        this.verifier = verifier;
        this.freshness = new FreshnessCheck(maxWebhookAge, clock);
        this.publisher = publisher;
        this.replies = replies;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void handle(final Context ctx) throws IOException {
        final Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        final byte[] raw = bodyReader.read(ctx.req().getContentLengthLong(), ctx.req().getInputStream());

        verifier.ifPresent(check -> requireValidSignature(check, ctx, raw));

        final String text = decodeUtf8(raw);
        final JsonNode body = parseObject(text);
        freshness.require(body);
        final Classification classification = classifier.classify(body, text, receivedAt);

        ctx.future(() -> publish(ctx, classification));
    }

    private static void requireValidSignature(final SignatureVerifier check, final Context ctx, final byte[] raw) {
        final SignatureVerdict verdict = check.verify(raw,
            ctx.header(SignatureVerifier.ED25519_HEADER), ctx.header(SignatureVerifier.RSA_HEADER));
        switch (verdict) {
            case VALID_ED25519, VALID_RSA -> { }
            case MISSING -> throw new RejectedRequest(401, "missing_signature",
                "No X-GHL-Signature or X-WH-Signature header (or only 'N/A'). Only signed GHL marketplace "
                    + "webhooks are accepted here; point workflow webhooks at another endpoint.");
            case MALFORMED -> throw new RejectedRequest(401, "malformed_signature",
                "The signature header is not a base64 signature of the expected length.");
            case INVALID_ED25519, INVALID_RSA -> throw new RejectedRequest(401, "invalid_signature",
                "The " + verdict.scheme() + " signature does not match the body. Check the configured public "
                    + "key and that nothing between GHL and this gateway rewrites the body.");
        }
    }

    private static String decodeUtf8(final byte[] raw) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(raw))
                .toString();
        } catch (CharacterCodingException e) {
            throw new RejectedRequest(400, "malformed_json", "The body is not valid UTF-8 JSON.");
        }
    }

    private static JsonNode parseObject(final String text) {
        final JsonNode body;
        try {
            body = MAPPER.readTree(text);
        } catch (StreamConstraintsException e) {
            throw new RejectedRequest(400, "malformed_json", "The JSON body nests too deeply or holds a value "
                + "that is too long" + where(e) + ". GHL webhooks are flat, small JSON objects.");
        } catch (JsonProcessingException e) {
            throw new RejectedRequest(400, "malformed_json", "The body is not valid JSON" + where(e)
                + ". Send one JSON object.");
        }
        if (body == null || !body.isObject()) {
            throw new RejectedRequest(400, "not_a_json_object",
                "The body must be one JSON object, as GHL sends one event per request.");
        }
        return body;
    }

    private static String where(final JsonProcessingException e) {
        return e.getLocation() == null ? ""
            : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private CompletableFuture<Void> publish(final Context ctx, final Classification classification) {
        if (classification instanceof Classification.Marketplace marketplace) {
            return publishEvent(ctx, marketplace);
        }
        return publishQuarantine(ctx, (Classification.Quarantine) classification);
    }

    private CompletableFuture<Void> publishEvent(final Context ctx, final Classification.Marketplace marketplace) {
        final ContactEvent event = marketplace.event();
        return publisher.publish(marketplace.partitionKey(), event).handle((metadata, error) -> {
            if (error != null) {
                answerFailure(ctx, error, event.getEventType(), event.getLocationId(), event.getWebhookId());
                return null;
            }
            metrics.accepted(event.getEventType());
            LOG.debug("Webhook published: eventType={} locationId={} webhookId={} contactId={} partition={} offset={}",
                event.getEventType(), event.getLocationId(), event.getWebhookId(), event.getContactId(),
                metadata.partition(), metadata.offset());
            replies.accepted(ctx, event.getWebhookId());
            return null;
        });
    }

    private CompletableFuture<Void> publishQuarantine(final Context ctx, final Classification.Quarantine quarantine) {
        final QuarantinedEvent event = quarantine.event();
        return publisher.quarantine(quarantine.partitionKey(), event).handle((metadata, error) -> {
            if (error != null) {
                answerFailure(ctx, error, event.getEventType(), event.getLocationId(), event.getWebhookId());
                return null;
            }
            metrics.quarantined(event.getReason());
            LOG.info("Webhook quarantined: reason={} eventType={} locationId={} webhookId={}",
                event.getReason(), event.getEventType(), event.getLocationId(), event.getWebhookId());
            replies.quarantined(ctx, event.getReason());
            return null;
        });
    }

    private void answerFailure(final Context ctx, final Throwable error, final String eventType,
                               final String locationId, final String webhookId) {
        switch (PublishFailure.of(error)) {
            case TRY_AGAIN_LATER -> answerKafkaUnavailable(ctx, error, eventType, locationId, webhookId);
            case RECORD_TOO_LARGE -> answerRefusedByKafka(ctx, 413, "body_too_large",
                "The event is too large to be stored. It was not accepted, and sending it again will not help.",
                error, eventType, locationId, webhookId);
            case RECORD_REFUSED -> answerRefusedByKafka(ctx, 400, "event_refused",
                "The event store refused this event. It was not accepted, and sending it again will not help.",
                error, eventType, locationId, webhookId);
        }
    }

    private void answerRefusedByKafka(final Context ctx, final int status, final String code, final String message,
                                      final Throwable error, final String eventType, final String locationId,
                                      final String webhookId) {
        metrics.rejected(code, status);
        LOG.warn("Kafka refused the webhook's record, answering {} so GHL does not retry: eventType={} locationId={} "
            + "webhookId={} cause={}", status, eventType, locationId, webhookId, rootCause(error));
        replies.error(ctx, status, code, message);
    }

    private void answerKafkaUnavailable(final Context ctx, final Throwable error, final String eventType,
                                        final String locationId, final String webhookId) {
        metrics.rejected("kafka_unavailable", 429);
        LOG.warn("Kafka did not acknowledge the webhook, answering 429 so GHL retries: eventType={} locationId={} "
            + "webhookId={} cause={}", eventType, locationId, webhookId, rootCause(error));
        replies.retryLater(ctx, "kafka_unavailable",
            "The event could not be stored in Kafka in time; it was not accepted. Retry after the Retry-After delay.");
    }

    private static String rootCause(final Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
