package io.keepersync.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BodyReaderTest {

    private final BodyReader reader = new BodyReader(10);

    @Test
    void shouldRefuseAnOversizedDeclaredLengthWithoutReadingTheBody() {
        final InputStream guard = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body was read although Content-Length is over the limit");
            }
        };

        assertThatThrownBy(() -> reader.read(11, guard))
            .isInstanceOfSatisfying(RejectedRequest.class, e -> assertThat(e.status()).isEqualTo(413));
    }

    @Test
    void shouldRefuseMoreBytesThanTheLimitWhenNoLengthIsDeclared() {
        final InputStream body = new ByteArrayInputStream(new byte[11]);

        assertThatThrownBy(() -> reader.read(-1, body))
            .isInstanceOfSatisfying(RejectedRequest.class, e -> assertThat(e.code()).isEqualTo("body_too_large"));
    }

    @Test
    void shouldReturnABodyOfExactlyTheLimit() {
        final byte[] body = "0123456789".getBytes();

        final byte[] read = reader.read(-1, new ByteArrayInputStream(body));

        assertThat(read).isEqualTo(body);
    }
}
