package io.keepersync.gateway.http;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/** A request whose body was received in full beforehand; reading it never waits for the network. */
final class BufferedRequest extends Request.Wrapper {

    private final AtomicReference<Content.Chunk> unread;

    BufferedRequest(final Request wrapped, final byte[] body) {
        super(wrapped);
        this.unread = new AtomicReference<>(Content.Chunk.from(ByteBuffer.wrap(body), true));
    }

    @Override
    public Content.Chunk read() {
        return unread.getAndSet(Content.Chunk.EOF);
    }

    @Override
    public void demand(final Runnable onContentAvailable) {
        getContext().execute(onContentAvailable);
    }
}
