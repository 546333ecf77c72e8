package io.keepersync.sink.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.keepersync.sink.store.KeeperStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read API of the Keeper store, shaped like GHL's contact API:
 * <ul>
 *   <li>{@code GET /contacts/{contactId}} answers {@code {"contact": {...}}} or 404;</li>
 *   <li>{@code GET /contacts?locationId=&limit=&startAfterId=} answers a page of the location's contacts,
 *       ordered by id, with {@code meta.count}, {@code meta.startAfterId} and {@code meta.nextPageUrl};</li>
 *   <li>{@code GET /health} answers {@code {"status":"UP"}} while the consumer runs, 503 otherwise.</li>
 * </ul>
 * Every route but {@code /health} needs {@code Authorization: Bearer <key>}. Errors are JSON
 * {@code {"error": <code>, "message": <text>}}. Requests run on Jetty's threads and read the store directly.
 */
public final class ContactReadApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ContactReadApi.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String HEALTH_PATH = "/health";

    private final Javalin app;

    private ContactReadApi(final Javalin app) {
        this.app = app;
    }

    /**
     * Starts the API and returns once it listens.
     *
     * @param port the port to listen on; 0 picks a free one (see {@link #port()})
     * @param consuming whether the consumer feeding the store still runs; drives {@code /health}
     */
    public static ContactReadApi start(final KeeperStore store, final ApiKeyAuthenticator authenticator,
        final int port, final BooleanSupplier consuming, final MeterRegistry registry) {
        final Counter rejected = Counter.builder("keeper.sink.api.unauthorized")
            .description("Read API requests refused for a missing or unknown API key").register(registry);
        final ContactRoutes routes = new ContactRoutes(store, consuming);
        final Javalin app = Javalin.create(cfg -> configure(cfg, routes, authenticator, rejected)).start(port);
        LOG.info("Keeper read API listening port={} authentication={}", app.port(),
            authenticator.isOpen() ? "none" : "api-key");
        return new ContactReadApi(app);
    }

    /** The port the API listens on. */
    public int port() {
        return app.port();
    }

    /** Stops the HTTP server; blocks until Jetty has stopped. */
    @Override
    public void close() {
        app.stop();
        LOG.info("Keeper read API stopped");
    }

    private static void configure(final JavalinConfig cfg, final ContactRoutes routes,
        final ApiKeyAuthenticator authenticator, final Counter rejected) {
        cfg.startup.showJavalinBanner = false;
        cfg.jsonMapper(new JavalinJackson(MAPPER, false));
        cfg.routes.before(ctx -> authorize(ctx, authenticator, rejected));
        cfg.routes.get(HEALTH_PATH, routes::health);
        cfg.routes.get("/contacts/{contactId}", routes::getContact);
        cfg.routes.get("/contacts", routes::listContacts);
        cfg.routes.exception(ApiError.class,
            (error, ctx) -> answer(ctx, error.status(), error.code(), error.getMessage()));
        cfg.routes.exception(HttpResponseException.class, (error, ctx) -> answer(ctx, error.getStatus(),
            codeOf(error), error.getMessage()));
        cfg.routes.exception(Exception.class, ContactReadApi::answerFailure);
    }

    private static void authorize(final Context ctx, final ApiKeyAuthenticator authenticator, final Counter rejected) {
        if (HEALTH_PATH.equals(ctx.path()) || authenticator.accepts(ctx.header("Authorization"))) {
            return;
        }
        rejected.increment();
        LOG.debug("Refused read API request without a valid API key path={}", ctx.path());
        throw ApiError.unauthorized();
    }

    private static void answerFailure(final Exception error, final Context ctx) {
        LOG.error("Read API request failed method={} path={}", ctx.method(), ctx.path(), error);
        answer(ctx, 500, "internal_error", "the request failed inside the Keeper sink; see its log");
    }

    private static void answer(final Context ctx, final int status, final String code, final String message) {
        final ObjectNode body = MAPPER.createObjectNode().put("error", code).put("message", message);
        ctx.status(status).json(body);
    }

    private static String codeOf(final HttpResponseException error) {
        return switch (error.getStatus()) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            default -> "http_" + error.getStatus();
        };
    }
}
