package io.keepersync.ghl.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.javalin.Javalin;
import io.keepersync.ghl.GhlApiException;
import io.keepersync.ghl.GhlAuthException;
import io.keepersync.ghl.GhlClientConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a location's token does when GHL's token endpoint fails or refuses, against a tiny stub endpoint. */
class RefreshFailureTest {

    private static final String LOCATION = "8qN83ajhKeWpYcKzqIp1";
    private static final String SECRET = "s3cret-not-to-show";

    @TempDir
    Path dir;

    private final AtomicInteger tokenRequests = new AtomicInteger();
    private volatile int failWith;
    private Javalin endpoint;
    private GhlClientConfig config;

    @BeforeEach
    void start() {
        endpoint = Javalin.create(cfg -> cfg.routes.post("/oauth/token", ctx -> {
            final int request = tokenRequests.incrementAndGet();
            if (failWith != 0) {
                ctx.status(failWith).result("{\"statusCode\":" + failWith + ",\"message\":\"" + SECRET
                        + "\",\"error\":\"invalid_grant\"}");
                return;
            }
            ctx.result("{\"access_token\":\"at-" + request + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                    + "\"refresh_token\":\"rt-" + request + "\"}");
        })).start("127.0.0.1", 0);
        config = GhlClientConfig.defaults().withBaseUrl("http://127.0.0.1:" + endpoint.port())
                .withRequestTimeout(Duration.ofSeconds(5)).withInitialBackoff(Duration.ofMillis(1))
                .withMaxBackoff(Duration.ofMillis(5));
    }

    @AfterEach
    void stop() {
        endpoint.stop();
    }

    @Test
    void shouldKeepUsingTheCurrentTokenWhenAProactiveRefreshFails() throws IOException {
        final MovableClock clock = new MovableClock();
        final LocationCredentials tokens = load(clock);
        final String first = tokens.tokenFor(LOCATION);
        clock.advance(Duration.ofMinutes(56));
        failWith = 503;

        final String during = tokens.tokenFor(LOCATION);
        final int requestsAfterFailure = tokenRequests.get();
        final String quiet = tokens.tokenFor(LOCATION);
        clock.advance(Duration.ofSeconds(31));
        failWith = 0;
        final String later = tokens.tokenFor(LOCATION);

        assertThat(first).isEqualTo("at-1");
        assertThat(during).isEqualTo("at-1");
        assertThat(quiet).isEqualTo("at-1");
        assertThat(requestsAfterFailure).isEqualTo(4);
        assertThat(later).isNotEqualTo("at-1");
    }

    @Test
    void shouldFailRetriablyWhenTheEndpointKeepsFailingAndNoTokenIsLeft() throws IOException {
        failWith = 503;
        final LocationCredentials tokens = load(new MovableClock());

        final GhlApiException failed = catchThrowableOfType(GhlApiException.class, () -> tokens.tokenFor(LOCATION));

        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.retriable()).isTrue();
        assertThat(tokenRequests.get()).isEqualTo(3);
    }

    @Test
    void shouldTellTheOperatorWhenTheRefreshTokenIsRefused() throws IOException {
        failWith = 400;
        final LocationCredentials tokens = load(new MovableClock());

        final GhlAuthException refused = catchThrowableOfType(GhlAuthException.class,
                () -> tokens.tokenFor(LOCATION));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.retriable()).isFalse();
        assertThat(refused.getMessage()).contains("locationId=" + LOCATION, "invalid_grant")
                .doesNotContain(SECRET, "rt-0");
        assertThat(tokenRequests.get()).isEqualTo(1);
    }

    private LocationCredentials load(final MovableClock clock) throws IOException {
        final Path file = Files.writeString(dir.resolve("credentials.json"), "{\"locations\": [{\"locationId\": \""
                + LOCATION + "\", \"oauth\": {\"clientId\": \"app-1\", \"clientSecret\": \"" + SECRET + "\","
                + " \"refreshToken\": \"rt-0\"}}]}");
        return LocationCredentials.load(file, dir.resolve("state"), config, Duration.ofMinutes(5), clock);
    }
}
