package io.keepersync.gateway;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.keepersync.gateway.health.KafkaHealth;
import io.keepersync.gateway.metrics.GatewayMetrics;
import io.keepersync.gateway.webhook.RejectedRequest;
import io.keepersync.gateway.webhook.Replies;
import io.keepersync.gateway.webhook.WebhookHandler;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's Javalin routes and the JSON answers for everything that goes wrong inside Javalin:
 * refusals, unknown paths, wrong methods and unexpected failures.
 */
final class GatewayRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookGateway.class);
    private static final Map<String, String> ALLOWED_METHODS = Map.of(
        WebhookGateway.WEBHOOK_PATH, "POST",
        WebhookGateway.HEALTH_PATH, "GET, HEAD");

    private final Replies replies;
    private final GatewayMetrics metrics;

    GatewayRoutes(final Replies replies, final GatewayMetrics metrics) {
        this.replies = replies;
        this.metrics = metrics;
    }

    /** Registers the webhook and health endpoints and the error answers (405 for other methods on them). */
    void register(final RoutesConfig routes, final WebhookHandler webhooks, final KafkaHealth health) {
        routes.post(WebhookGateway.WEBHOOK_PATH, webhooks);
        routes.get(WebhookGateway.HEALTH_PATH, ctx -> checkHealth(ctx, health));
        routes.head(WebhookGateway.HEALTH_PATH, ctx -> checkHealth(ctx, health));

        routes.exception(RejectedRequest.class, this::refuse);
        routes.exception(UncheckedIOException.class, this::bodyUnreadable);
        routes.exception(Exception.class, this::failUnexpectedly);
        routes.error(404, "*", this::notFound);
    }

    private void checkHealth(final Context ctx, final KafkaHealth health) {
        ctx.future(() -> health.status().thenAccept(status -> answerHealth(ctx, status)));
    }

    private void answerHealth(final Context ctx, final KafkaHealth.Status status) {
        final Map<String, String> fields = new LinkedHashMap<>();
        fields.put("status", status.up() ? "UP" : "DOWN");
        if (!status.up()) {
            fields.put("reason", status.reason());
        }
        replies.json(ctx, status.up() ? 200 : 503, fields);
    }

    /** A path that exists but not for this method gets 405 with {@code Allow}; anything else 404. */
    private void notFound(final Context ctx) {
        final String allowed = ALLOWED_METHODS.get(ctx.path());
        if (allowed == null) {
            replies.error(ctx, 404, "not_found",
                "No such endpoint. GHL webhooks go to POST " + WebhookGateway.WEBHOOK_PATH + ".");
            return;
        }
        ctx.header("Allow", allowed);
        replies.error(ctx, 405, "method_not_allowed", ctx.path() + " accepts only " + allowed + ".");
    }

    private void refuse(final RejectedRequest rejection, final Context ctx) {
        metrics.rejected(rejection.code(), rejection.status());
        LOG.warn("Webhook refused: status={} reason={} remote={}", rejection.status(), rejection.code(), ctx.ip());
        replies.error(ctx, rejection.status(), rejection.code(), rejection.getMessage());
    }

    private void bodyUnreadable(final UncheckedIOException error, final Context ctx) {
        metrics.disconnected();
        LOG.warn("Request body could not be read, the client probably went away: remote={} cause={}", ctx.ip(),
            error.getCause().getClass().getSimpleName());
        replies.error(ctx, 400, "body_unreadable", "The request body could not be read completely.");
    }

    private void failUnexpectedly(final Exception error, final Context ctx) {
        metrics.rejected("internal_error", 429);
        LOG.error("Webhook handling failed unexpectedly, answering 429 so GHL retries: errorClass={} message={}",
            error.getClass().getName(), error.getMessage());
        LOG.debug("Stack trace of the unexpected failure", error);
        replies.retryLater(ctx, "internal_error",
            "The gateway failed to handle the event and did not accept it. Retry after the Retry-After delay.");
    }
}
