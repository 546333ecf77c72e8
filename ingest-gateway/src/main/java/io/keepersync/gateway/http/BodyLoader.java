package io.keepersync.gateway.http;

import io.keepersync.gateway.metrics.GatewayMetrics;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives one request body into memory before the next handler runs, so that slow or stalled clients
 * hold no thread while they send: bytes are copied whenever Jetty reports them available, and the handler
 * is called once the last byte (or one byte more than the limit) is in.
 *
 * <p>The whole body must arrive within {@link HttpLimits#bodyReadTimeout()} of the request headers, with
 * no silence longer than {@link HttpLimits#idleTimeout()}; otherwise the request is answered 408 and its
 * connection closed. A client that goes away mid-body is
 * logged with one WARN line and not answered. Exactly one of these three outcomes happens per request.
 */
final class BodyLoader extends EagerContentHandler.ContentLoader implements Invocable.Task {

    private static final Logger LOG = LoggerFactory.getLogger(BodyLoader.class);
    private static final int INITIAL_CAPACITY = 8 * 1024;

    private final HttpLimits limits;
    private final GatewayMetrics metrics;
    private final ByteArrayOutputStream received;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile Scheduler.Task deadline;

    BodyLoader(final Handler handler, final Request request, final Response response, final Callback callback,
               final HttpLimits limits, final GatewayMetrics metrics) {
        super(handler, request, response, callback);
        this.limits = limits;
        this.metrics = metrics;
        this.received = new ByteArrayOutputStream((int) Math.min(INITIAL_CAPACITY, limits.maxBodyBytes() + 1));
    }

    @Override
    protected void load() {
        deadline = getRequest().getComponents().getScheduler()
            .schedule(this::expire, limits.bodyReadTimeout().toMillis(), TimeUnit.MILLISECONDS);
        read(false);
    }

    /** Called by Jetty when more content may be available. */
    @Override
    public void run() {
        read(true);
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    private void read(final boolean calledByJetty) {
        while (!finished.get()) {
            final Content.Chunk chunk = getRequest().read();
            if (chunk == null) {
                getRequest().demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                fail(chunk.getFailure());
                return;
            }
            final boolean last = chunk.isLast();
            copy(chunk.getByteBuffer());
            chunk.release();
            if (last || received.size() > limits.maxBodyBytes()) {
                handOn(calledByJetty);
                return;
            }
        }
    }

    private void copy(final ByteBuffer buffer) {
        final int room = (int) (limits.maxBodyBytes() + 1 - received.size());
        final byte[] bytes = new byte[Math.min(buffer.remaining(), room)];
        buffer.duplicate().get(bytes);
        received.writeBytes(bytes);
    }

    private void handOn(final boolean calledByJetty) {
        if (!finish()) {
            return;
        }
        final BufferedRequest buffered = new BufferedRequest(getRequest(), received.toByteArray());
        if (calledByJetty) {
            getRequest().getContext().execute(() -> handle(buffered, getResponse(), getCallback()));
        } else {
            handle(buffered, getResponse(), getCallback());
        }
    }

    private void expire() {
        if (finished.compareAndSet(false, true)) {
            refuseAsTooSlow("bodyReadTimeout", limits.bodyReadTimeout().toMillis());
        }
    }

    private void fail(final Throwable failure) {
        if (!finish()) {
            return;
        }
        if (failure instanceof TimeoutException) {
            refuseAsTooSlow("idleTimeout", limits.idleTimeout().toMillis());
            return;
        }
        metrics.disconnected();
        LOG.warn("Client went away before sending the whole body, not answering: remote={} bytesReceived={} "
            + "cause={}", Request.getRemoteAddr(getRequest()), received.size(), failure.getClass().getSimpleName());
        getCallback().failed(failure);
    }

    private void refuseAsTooSlow(final String limit, final long limitMs) {
        metrics.rejected("body_read_timeout", 408);
        LOG.warn("Request body not received in time, answering 408 and closing the connection: remote={} "
            + "bytesReceived={} exceeded={} limitMs={}",
            Request.getRemoteAddr(getRequest()), received.size(), limit, limitMs);
        Response.writeError(getRequest(), getResponse(), getCallback(), 408);
    }

    /** Claims the single outcome of this request and stops the deadline; false if another outcome won. */
    private boolean finish() {
        if (!finished.compareAndSet(false, true)) {
            return false;
        }
        final Scheduler.Task task = deadline;
        if (task != null) {
            task.cancel();
        }
        return true;
    }
}
