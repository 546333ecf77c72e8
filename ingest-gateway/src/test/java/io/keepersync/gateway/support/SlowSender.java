package io.keepersync.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

/**
 * A client that announces a large body and then sends it a byte at a time, as a slow-body attack does.
 * Each {@link #trickle()} sends one more byte and notices whether the server has answered or closed.
 */
public final class SlowSender implements AutoCloseable {

    private final Socket socket;
    private final StringBuilder answer = new StringBuilder();
    private boolean cutOff;

    private SlowSender(final Socket socket) {
        this.socket = socket;
    }

    /** Connects and sends the headers of a webhook POST announcing {@code contentLength} bytes, and one byte. */
    public static SlowSender start(final int port, final int contentLength) {
        try {
            final Socket socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(1);
            socket.getOutputStream().write(("POST /webhooks/ghl HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + contentLength + "\r\n\r\n{")
                .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new SlowSender(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one more byte unless cut off; returns whether the server has answered or closed the connection. */
    public boolean trickle() {
        if (!cutOff) {
            sendOneByte();
            readAnswer();
        }
        return cutOff;
    }

    /** The status the server answered with before closing, if it answered at all. */
    public OptionalInt status() {
        return answer.length() >= 12 ? OptionalInt.of(Integer.parseInt(answer.substring(9, 12))) : OptionalInt.empty();
    }

    private void sendOneByte() {
        try {
            socket.getOutputStream().write(' ');
            socket.getOutputStream().flush();
        } catch (IOException e) {
            cutOff = true;
        }
    }

    private void readAnswer() {
        final byte[] buffer = new byte[1024];
        try {
            final int read = socket.getInputStream().read(buffer);
            if (read > 0) {
                answer.append(new String(buffer, 0, read, StandardCharsets.US_ASCII));
            }
            cutOff = true;
        } catch (SocketTimeoutException e) {
            return;
        } catch (IOException e) {
            cutOff = true;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
