package io.keepersync.gateway.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads a request body as raw bytes, refusing bodies over the limit: first by the declared
 * {@code Content-Length}, then by the bytes actually read, so a missing or lying header (chunked
 * uploads) cannot get past the limit. Blocks the calling thread while the client sends.
 */
final class BodyReader {

    private final long maxBodyBytes;

    BodyReader(final long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * @param declaredLength the {@code Content-Length}, or a negative value when not given
     * @throws RejectedRequest 413 when the body exceeds the limit
     */
    byte[] read(final long declaredLength, final InputStream body) {
        if (declaredLength > maxBodyBytes) {
            throw tooLarge();
        }
        try {
            final byte[] bytes = body.readNBytes((int) maxBodyBytes + 1);
            if (bytes.length > maxBodyBytes) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body failed", e);
        }
    }

    private RejectedRequest tooLarge() {
        return new RejectedRequest(413, "body_too_large",
            "The body is larger than the limit of " + maxBodyBytes + " bytes; GHL webhooks are far smaller. "
                + "Check what sends these requests.");
    }
}
