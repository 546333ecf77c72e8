package io.keepersync.simulator.api;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.keepersync.simulator.SimulatorConfig;
import io.keepersync.simulator.auth.SimulatedAuth;
import io.keepersync.simulator.change.Mutations;
import io.keepersync.simulator.data.Appointment;
import io.keepersync.simulator.data.World;
import io.keepersync.simulator.ratelimit.RateLimiter;
import java.util.Optional;
import java.util.function.Function;

/**
 * The simulated GHL REST API on Javalin. Handlers run on Jetty's request threads; reads take the
 * world's lock only briefly. See the module README for the endpoints and their shapes.
 */
public final class ApiServer implements AutoCloseable {

    private final Javalin app;

    private ApiServer(final Javalin app) {
        this.app = app;
    }

    /**
     * Binds the port from {@code config} (0 = any free one) and starts serving, checking tokens with
     * {@code auth} and applying the faults of {@code faults} to the REST endpoints.
     */
    public static ApiServer start(final SimulatorConfig config, final World world, final Mutations mutations,
                                  final RequestStats stats, final SimulatedAuth auth, final FaultSwitch faults) {
        final RateLimiter limiter = new RateLimiter(config.rateLimitEnabled(), config.requestsPerWindow(),
                config.window(), config.dailyLimit());
        final RequestGate gate = new RequestGate(auth, faults, config.latencyMinMillis(),
                config.latencyMaxMillis(), limiter, stats, world.locationIds().get(0));
        final OAuthRoutes oauth = new OAuthRoutes(auth);
        final Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.routes.exception(ApiError.class, (e, ctx) -> Replies.json(ctx, e.status(), e.body()));
            cfg.routes.post("/oauth/token", oauth::token);
            routes(cfg.routes, gate, world, mutations);
        });
        app.start(config.port());
        return new ApiServer(app);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private static void routes(final RoutesConfig routes, final RequestGate gate, final World world,
                               final Mutations mutations) {
        final ContactRoutes contacts = new ContactRoutes(world, mutations);
        final ContactListRoutes list = new ContactListRoutes(world);
        final ContactSearch search = new ContactSearch(world);
        final TaskSearch tasks = new TaskSearch(world);
        final CalendarRoutes calendars = new CalendarRoutes(world);
        final Function<Context, Optional<String>> byContact = ctx -> world.locationOf(ctx.pathParam("contactId"));
        final Function<Context, Optional<String>> byQuery = ctx -> known(world, ctx.queryParam("locationId"));
        final Function<Context, Optional<String>> byPath = ctx -> known(world, ctx.pathParam("locationId"));
        final Function<Context, Optional<String>> bySearch = ctx -> ContactSearch.locationOf(ctx)
                .flatMap(id -> known(world, id));
        final Function<Context, Optional<String>> byEvent = ctx -> world.appointment(ctx.pathParam("eventId"))
                .map(Appointment::locationId);

        routes.get("/contacts/", gate.guard(byQuery, list::list));
        routes.post("/contacts/search", gate.guard(bySearch, search::search));
        routes.get("/contacts/{contactId}", gate.guard(byContact, contacts::contact));
        routes.get("/contacts/{contactId}/tasks", gate.guard(byContact, contacts::tasks));
        routes.get("/contacts/{contactId}/tasks/{taskId}", gate.guard(byContact, contacts::task));
        routes.get("/contacts/{contactId}/notes", gate.guard(byContact, contacts::notes));
        routes.get("/contacts/{contactId}/notes/{noteId}", gate.guard(byContact, contacts::note));
        routes.get("/contacts/{contactId}/appointments", gate.guard(byContact, contacts::appointments));
        routes.post("/contacts/{contactId}/tags", gate.guard(byContact, contacts::addTags));
        routes.delete("/contacts/{contactId}/tags", gate.guard(byContact, contacts::removeTags));
        routes.post("/locations/{locationId}/tasks/search", gate.guard(byPath, tasks::search));
        routes.get("/calendars/events/appointments/{eventId}", gate.guard(byEvent, calendars::appointment));
    }

    private static Optional<String> known(final World world, final String locationId) {
        return Optional.ofNullable(locationId).filter(id -> world.location(id).isPresent());
    }
}
