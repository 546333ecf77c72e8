package io.keepersync.simulator.support;

import io.javalin.Javalin;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/** A webhook endpoint on a free port that records each POST and answers with scripted statuses (then 200). */
public final class WebhookReceiver implements AutoCloseable {

    /** One received POST: raw body bytes and the headers that matter. */
    public record Received(byte[] body, String signature, String contentType) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
    private final Javalin app;

    public WebhookReceiver() {
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.post("/webhooks", ctx -> {
                received.add(new Received(ctx.bodyAsBytes(), ctx.header("X-GHL-Signature"), ctx.contentType()));
                final Integer status = statuses.poll();
                ctx.status(status == null ? 200 : status);
            });
        }).start(0);
    }

    public String url() {
        return "http://localhost:" + app.port() + "/webhooks";
    }

    /** The next answers, in order; after them every POST gets 200. */
    public WebhookReceiver answer(final Integer... next) {
        statuses.addAll(List.of(next));
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        app.stop();
    }
}
