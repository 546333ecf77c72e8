package io.keepersync.ghl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.keepersync.ghl.StubGhl.Reply;
import io.keepersync.ghl.auth.LocationCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link HttpGhlApi} does with a 401: renew the token once, or not at all, against a stub GHL. */
class HttpGhlApiRenewTest {

    private static final String LOCATION = "8qN83ajhKeWpYcKzqIp1";
    private static final String CONTACT = "cV9Xos78cGC2IymrARjg";
    private static final String CONTACT_JSON = GhlExamples.read("get-contact.json");
    private static final String EXPIRED =
            "{\"statusCode\":401,\"message\":\"Invalid JWT: token has expired\",\"error\":\"Unauthorized\"}";
    private static final String SCOPE = "{\"statusCode\":401,\"message\":\"The token is not authorized for this"
            + " scope.\",\"error\":\"Unauthorized\"}";

    @TempDir
    Path dir;

    private StubGhl stub;
    private GhlClientConfig config;

    @BeforeEach
    void startStub() {
        stub = StubGhl.start();
        config = GhlClientConfig.defaults().withBaseUrl(stub.baseUrl()).withRequestTimeout(Duration.ofSeconds(5))
                .withInitialBackoff(Duration.ofMillis(1)).withMaxBackoff(Duration.ofMillis(5));
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void shouldNeverRenewOnAVersionHeader401() {
        stub.script(StubGhl.CONTACT, Reply.status(401, GhlExamples.read("error-401-missing-version.json")));
        final RenewingTokens tokens = new RenewingTokens();

        final GhlContractException refused = catchThrowableOfType(GhlContractException.class,
                () -> new HttpGhlApi(config, tokens).contact(LOCATION, CONTACT));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(tokens.rejected).isEmpty();
        assertThat(stub.received()).hasSize(1);
    }

    @Test
    void shouldNeverRenewOnAScope401() {
        stub.script(StubGhl.CONTACT, Reply.status(401, SCOPE));
        final RenewingTokens tokens = new RenewingTokens();

        final GhlAuthException refused = catchThrowableOfType(GhlAuthException.class,
                () -> new HttpGhlApi(config, tokens).contact(LOCATION, CONTACT));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(tokens.rejected).isEmpty();
    }

    @Test
    void shouldRenewAnExpiredTokenAndSendTheCallOnceMore() {
        stub.script(StubGhl.CONTACT, Reply.status(401, EXPIRED), Reply.ok(CONTACT_JSON));
        final RenewingTokens tokens = new RenewingTokens();

        final var contact = new HttpGhlApi(config, tokens).contact(LOCATION, CONTACT);

        assertThat(contact).isPresent();
        assertThat(tokens.rejected).containsExactly("token-0");
        assertThat(stub.received()).extracting(r -> r.header("Authorization"))
                .containsExactly("Bearer token-0", "Bearer token-1");
    }

    @Test
    void shouldFailWithAnAuthExceptionWhenTheRenewedTokenIsRefused() {
        stub.script(StubGhl.CONTACT, Reply.status(401, EXPIRED));
        final RenewingTokens tokens = new RenewingTokens();

        final GhlAuthException refused = catchThrowableOfType(GhlAuthException.class,
                () -> new HttpGhlApi(config, tokens).contact(LOCATION, CONTACT));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.retriable()).isFalse();
        assertThat(tokens.rejected).containsExactly("token-0");
        assertThat(stub.received()).hasSize(2);
    }

    @Test
    void shouldNotRepeatTheCallWhenTheTokenCannotBeRenewed() {
        stub.script(StubGhl.CONTACT, Reply.status(401, EXPIRED));

        final GhlAuthException refused = catchThrowableOfType(GhlAuthException.class,
                () -> new HttpGhlApi(config, TokenProvider.fixed("pit-fixed")).contact(LOCATION, CONTACT));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(stub.received()).hasSize(1);
    }

    @Test
    void shouldSaveTheNewRefreshTokenBeforeSendingItsAccessToken() throws IOException {
        stub.script(StubGhl.OAUTH_TOKEN, Reply.ok(grant("at-1", "rt-1")), Reply.ok(grant("at-2", "rt-2")));
        stub.script(StubGhl.CONTACT, Reply.ok(CONTACT_JSON), Reply.status(401, EXPIRED), Reply.ok(CONTACT_JSON));
        final Path state = dir.resolve("state");
        final Map<String, String> savedWhenSent = new ConcurrentHashMap<>();
        stub.onArrival(request -> {
            if (request.path().startsWith("/contacts/")) {
                savedWhenSent.put(request.header("Authorization"), savedRefreshToken(state));
            }
        });
        final HttpGhlApi api = new HttpGhlApi(config, LocationCredentials.load(credentials(), state, config));

        api.contact(LOCATION, CONTACT);
        api.contact(LOCATION, CONTACT);

        assertThat(savedWhenSent).containsEntry("Bearer at-1", "rt-1").containsEntry("Bearer at-2", "rt-2");
        assertThat(stub.received()).filteredOn(r -> r.path().equals("/oauth/token"))
                .allSatisfy(r -> assertThat(r.header("Version")).isNull())
                .allSatisfy(r -> assertThat(r.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded"))
                .extracting(StubGhl.Received::body)
                .containsExactly(form("rt-0"), form("rt-1"));
    }

    private Path credentials() throws IOException {
        return Files.writeString(dir.resolve("credentials.json"), "{\"locations\": [{\"locationId\": \"" + LOCATION
                + "\", \"oauth\": {\"clientId\": \"app-1\", \"clientSecret\": \"s3cret\","
                + " \"refreshToken\": \"rt-0\"}}]}");
    }

    private static String grant(final String accessToken, final String refreshToken) {
        return "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":86399,"
                + "\"refresh_token\":\"" + refreshToken + "\",\"userType\":\"Location\",\"locationId\":\"" + LOCATION
                + "\"}";
    }

    private static String form(final String refreshToken) {
        return "grant_type=refresh_token&client_id=app-1&client_secret=s3cret&refresh_token=" + refreshToken
                + "&user_type=Location";
    }

    private static String savedRefreshToken(final Path state) {
        try {
            return new ObjectMapper().readTree(state.resolve(LOCATION + ".json").toFile()).get("refreshToken")
                    .asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hands out token-0, token-1, …: each renewal makes the next one current. */
    private static final class RenewingTokens implements TokenProvider {

        final List<String> rejected = new CopyOnWriteArrayList<>();
        private volatile int generation;

        @Override
        public String tokenFor(final String locationId) {
            return "token-" + generation;
        }

        @Override
        public synchronized boolean renew(final String locationId, final String rejectedToken) {
            rejected.add(rejectedToken);
            generation++;
            return true;
        }
    }
}
