package io.keepersync.ghl;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A scripted stand-in for GHL's REST API on a real HTTP port: each route answers with the replies queued
 * for it, in order, and then keeps answering with the last one. A route with nothing queued answers 418,
 * which the client does not retry, so a missing script fails fast. Every request is recorded.
 */
final class StubGhl implements AutoCloseable {

    static final String CONTACT = "/contacts/{id}";
    static final String TASKS = "/contacts/{id}/tasks";
    static final String NOTES = "/contacts/{id}/notes";
    static final String APPOINTMENTS = "/contacts/{id}/appointments";
    static final String SEARCH_CONTACTS = "/contacts/search";
    static final String SEARCH_TASKS = "/locations/{locationId}/tasks/search";
    static final String OAUTH_TOKEN = "/oauth/token";

    /** One scripted answer. */
    record Reply(int status, String body, Map<String, String> headers, boolean hangs) {

        static Reply ok(final String body) {
            return status(200, body);
        }

        static Reply status(final int status, final String body) {
            return new Reply(status, body, Map.of(), false);
        }

        /** Answers only when the stub closes, so the client's request timeout fires first. */
        static Reply hang() {
            return new Reply(200, "{}", Map.of(), true);
        }

        Reply withHeader(final String name, final String value) {
            final Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, body, Map.copyOf(more), hangs);
        }
    }

    /** One request as the stub saw it; header names lower-cased. */
    record Received(String method, String path, Map<String, String> headers, String body) {

        String header(final String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Consumer<Received> onArrival = received -> { };
    private final Javalin server;

    private StubGhl() {
        server = Javalin.create(cfg -> {
            cfg.routes.get(CONTACT, ctx -> answer(ctx, CONTACT));
            cfg.routes.get(TASKS, ctx -> answer(ctx, TASKS));
            cfg.routes.get(NOTES, ctx -> answer(ctx, NOTES));
            cfg.routes.get(APPOINTMENTS, ctx -> answer(ctx, APPOINTMENTS));
            cfg.routes.post(SEARCH_CONTACTS, ctx -> answer(ctx, SEARCH_CONTACTS));
            cfg.routes.post(SEARCH_TASKS, ctx -> answer(ctx, SEARCH_TASKS));
            cfg.routes.post(OAUTH_TOKEN, ctx -> answer(ctx, OAUTH_TOKEN));
        });
    }

    static StubGhl start() {
        final StubGhl stub = new StubGhl();
        stub.server.start("127.0.0.1", 0);
        return stub;
    }

    /** Queues replies for a route (a template constant of this class). */
    StubGhl script(final String route, final Reply... replies) {
        final Deque<Reply> queue = scripts.computeIfAbsent(route, key -> new ArrayDeque<>());
        synchronized (queue) {
            queue.addAll(List.of(replies));
        }
        return this;
    }

    /** Runs {@code observer} on the server thread as each request arrives, before it is answered. */
    StubGhl onArrival(final Consumer<Received> observer) {
        onArrival = observer;
        return this;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop();
    }

    private void answer(final Context ctx, final String route) throws InterruptedException {
        final Received request = new Received(ctx.method().name(), ctx.path(), lowerCased(ctx.headerMap()),
                ctx.body());
        received.add(request);
        onArrival.accept(request);
        final Reply reply = next(route);
        if (reply.hangs()) {
            closing.await(30, TimeUnit.SECONDS);
        }
        reply.headers().forEach(ctx::header);
        ctx.status(reply.status()).contentType("application/json").result(reply.body());
    }

    private Reply next(final String route) {
        final Deque<Reply> queue = scripts.get(route);
        if (queue == null) {
            return Reply.status(418, "{\"message\":\"not scripted\"}");
        }
        synchronized (queue) {
            return queue.size() > 1 ? queue.poll() : queue.peek();
        }
    }

    private static Map<String, String> lowerCased(final Map<String, String> headers) {
        final Map<String, String> result = new LinkedHashMap<>();
        headers.forEach((name, value) -> result.put(name.toLowerCase(Locale.ROOT), value));
        return result;
    }
}
