package io.keepersync.bench.gateway;

import io.javalin.Javalin;

/**
 * The gateway's ceiling: a Javalin server in a JVM of its own that reads each webhook body and answers 200
 * with a body like the gateway's, without checking, parsing or storing anything. Serves
 * {@code POST /webhooks/ghl} and {@code GET /health} until the process is stopped.
 */
public final class NoopEndpoint {

    private static final String JSON = "application/json";
    private static final String ACCEPTED =
        "{\"status\":\"accepted\",\"webhookId\":\"00000000-0000-0000-0000-000000000000\"}";

    private NoopEndpoint() {
    }

    /** {@code NoopEndpoint <port>}. */
    public static void main(final String[] args) {
        final int port = Integer.parseInt(args[0]);
        Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.post("/webhooks/ghl", ctx -> {
                ctx.bodyAsBytes();
                ctx.status(200).contentType(JSON).result(ACCEPTED);
            });
            cfg.routes.get("/health", ctx -> ctx.contentType(JSON).result("{\"status\":\"UP\"}"));
        }).start(port);
    }
}
