package io.keepersync.gateway.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Requests over a plain socket, for what java.net.http will not send: invalid URIs, huge headers. */
public final class RawHttp {

    private static final int READ_TIMEOUT_MS = 10_000;

    private RawHttp() {
    }

    /** Sends the request text (which should ask for {@code Connection: close}) and reads until the server closes. */
    public static RawResponse exchange(final int port, final String request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(READ_TIMEOUT_MS);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return RawResponse.parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readAll(final InputStream in) throws IOException {
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        in.transferTo(received);
        return received.toString(StandardCharsets.UTF_8);
    }

    /** The parts of an HTTP/1.1 answer the tests look at. */
    public record RawResponse(int status, String head, String body) {

        static RawResponse parse(final String text) {
            final int split = text.indexOf("\r\n\r\n");
            final String head = split < 0 ? text : text.substring(0, split);
            final String rest = split < 0 ? "" : text.substring(split + 4);
            final int start = rest.indexOf('{');
            final int end = rest.lastIndexOf('}');
            return new RawResponse(Integer.parseInt(head.substring(9, 12)), head,
                start < 0 || end < start ? rest : rest.substring(start, end + 1));
        }

        /** Whether the head carries this header (case-insensitive name, exact value). */
        public boolean hasHeader(final String name, final String value) {
            return head.lines().anyMatch(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1)
                && line.substring(name.length() + 1).trim().equalsIgnoreCase(value));
        }
    }
}
