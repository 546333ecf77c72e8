package io.keepersync.ghl.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keepersync.ghl.GhlApiException;
import io.keepersync.ghl.GhlAuthException;
import io.keepersync.ghl.GhlClientConfig;
import io.keepersync.ghl.HttpGhlApi;
import io.keepersync.simulator.ApiFaults;
import io.keepersync.simulator.GhlSimulator;
import io.keepersync.simulator.SimulatorConfig;
import io.keepersync.simulator.auth.OAuthInstallation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** OAuth locations of a credentials file against the simulator's token endpoint and expiring tokens. */
class OAuthRefreshTest {

    private static final String OAUTH = "OAuthLoc00000000000A";
    private static final String PIT = "PrivateLoc000000000B";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private GhlSimulator ghl;
    private GhlClientConfig config;
    private OAuthInstallation install;
    private String oauthContact;
    private String pitContact;
    private Path file;
    private Path state;

    @BeforeEach
    void start() throws IOException {
        ghl = GhlSimulator.start(SimulatorConfig.defaults().withoutLatency().withLocationIds(List.of(OAUTH, PIT))
                .withAccessTokenLifetime(Duration.ofSeconds(600)));
        oauthContact = ghl.seedContacts(OAUTH, 1).get(0);
        pitContact = ghl.seedContacts(PIT, 1).get(0);
        install = ghl.registerOAuthInstallation(OAUTH);
        config = GhlClientConfig.defaults().withBaseUrl(ghl.baseUrl()).withRequestTimeout(Duration.ofSeconds(5))
                .withInitialBackoff(Duration.ofMillis(1)).withMaxBackoff(Duration.ofMillis(5));
        file = writeCredentials(install.refreshToken(), ghl.issuePrivateToken(PIT));
        state = dir.resolve("state");
    }

    @AfterEach
    void stop() {
        ghl.close();
    }

    @Test
    void shouldRefreshOnFirstUseAndKeepTheNewRefreshTokenOwnerOnly() throws IOException {
        final HttpGhlApi api = api(LocationCredentials.load(file, state, config));

        final var contact = api.contact(OAUTH, oauthContact);

        assertThat(contact).isPresent();
        assertThat(ghl.auth().refreshCount(OAUTH)).isEqualTo(1);
        assertThat(savedRefreshToken()).isNotEqualTo(install.refreshToken());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stateFile()))).isEqualTo("rw-------");
    }

    @Test
    void shouldRefreshExactlyOnceWhenManyThreadsHitAnExpiredToken() throws Exception {
        final HttpGhlApi api = api(LocationCredentials.load(file, state, config));
        api.contact(OAUTH, oauthContact);
        ghl.auth().expireAccessTokens(OAUTH);
        final CountDownLatch go = new CountDownLatch(1);
        final ExecutorService threads = Executors.newFixedThreadPool(8);
        final List<Future<Boolean>> calls = new ArrayList<>();

        for (int i = 0; i < 8; i++) {
            calls.add(threads.submit(() -> {
                go.await();
                return api.contact(OAUTH, oauthContact).isPresent();
            }));
        }
        go.countDown();
        for (final Future<Boolean> call : calls) {
            assertThat(call.get(10, TimeUnit.SECONDS)).isTrue();
        }
        threads.shutdown();

        assertThat(ghl.auth().refreshCount(OAUTH)).isEqualTo(2);
        assertThat(ghl.auth().refreshReuseCount()).isZero();
    }

    @Test
    void shouldFailWithAnAuthExceptionWhenTheRenewedTokenIsRefusedToo() {
        final HttpGhlApi api = api(LocationCredentials.load(file, state, config));
        ghl.setApiFaults(OAUTH, ApiFaults.none().withTokenTtl(Duration.ZERO));

        final GhlAuthException refused = catchThrowableOfType(GhlAuthException.class,
                () -> api.contact(OAUTH, oauthContact));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(ghl.auth().refreshCount(OAUTH)).isEqualTo(2);
        assertThat(api.requestCount()).isEqualTo(2);
    }

    @Test
    void shouldResumeFromTheSavedTokensAfterARestart() {
        api(LocationCredentials.load(file, state, config)).contact(OAUTH, oauthContact);

        final HttpGhlApi restarted = api(LocationCredentials.load(file, state, config));
        restarted.contact(OAUTH, oauthContact);
        final long refreshesBeforeExpiry = ghl.auth().refreshCount(OAUTH);
        ghl.auth().expireAccessTokens(OAUTH);
        restarted.contact(OAUTH, oauthContact);

        assertThat(refreshesBeforeExpiry).isEqualTo(1);
        assertThat(ghl.auth().refreshCount(OAUTH)).isEqualTo(2);
        assertThat(ghl.auth().refreshReuseCount()).isZero();
    }

    @Test
    void shouldStartFromANewRefreshTokenPutInTheCredentialsFile() throws IOException {
        api(LocationCredentials.load(file, state, config)).contact(OAUTH, oauthContact);
        final OAuthInstallation reinstalled = ghl.registerOAuthInstallation(OAUTH);
        writeCredentials(reinstalled.refreshToken(), "pit-unused");

        final HttpGhlApi restarted = api(LocationCredentials.load(file, state, config));
        final var contact = restarted.contact(OAUTH, oauthContact);

        assertThat(contact).isPresent();
        assertThat(ghl.auth().refreshCount(OAUTH)).isEqualTo(2);
        assertThat(ghl.auth().refreshReuseCount()).isZero();
    }

    @Test
    void shouldShareRefreshesWithAnotherProcessUsingTheSameStateDirectory() {
        final HttpGhlApi first = api(LocationCredentials.load(file, state, config));
        final HttpGhlApi second = api(LocationCredentials.load(file, state, config));

        first.contact(OAUTH, oauthContact);
        second.contact(OAUTH, oauthContact);
        ghl.auth().expireAccessTokens(OAUTH);
        first.contact(OAUTH, oauthContact);
        second.contact(OAUTH, oauthContact);

        assertThat(ghl.auth().refreshCount(OAUTH)).isEqualTo(2);
        assertThat(ghl.auth().refreshReuseCount()).isZero();
    }

    @Test
    void shouldRefreshAheadOfExpiryWithoutWaitingForA401() {
        final MovableClock clock = new MovableClock();
        final SimpleMeterRegistry registry = new SimpleMeterRegistry();
        final HttpGhlApi api = new HttpGhlApi(config,
                LocationCredentials.load(file, state, config, Duration.ofMinutes(5), clock), registry);
        api.contact(OAUTH, oauthContact);

        clock.advance(Duration.ofSeconds(299));
        api.contact(OAUTH, oauthContact);
        final long beforeMargin = ghl.auth().refreshCount(OAUTH);
        clock.advance(Duration.ofSeconds(2));
        api.contact(OAUTH, oauthContact);

        assertThat(beforeMargin).isEqualTo(1);
        assertThat(ghl.auth().refreshCount(OAUTH)).isEqualTo(2);
        assertThat(registry.find("ghl.requests").tag("outcome", "4xx").counter()).isNull();
    }

    @Test
    void shouldAnswer403ForAPrivateTokenOfAnotherLocationWithoutRenewingIt() throws IOException {
        writeCredentials(install.refreshToken(), ghl.issuePrivateToken(OAUTH));
        final HttpGhlApi api = api(LocationCredentials.load(file, state, config));

        final GhlApiException elsewhere = catchThrowableOfType(GhlApiException.class,
                () -> api.contact(PIT, pitContact));

        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(ghl.auth().refreshCount()).isZero();
    }

    @Test
    void shouldSendNothingForALocationThatIsNotConfigured() {
        final HttpGhlApi api = api(LocationCredentials.load(file, state, config));

        final UnknownLocationException unknown = catchThrowableOfType(UnknownLocationException.class,
                () -> api.contact("NotConfigured0000000", oauthContact));

        assertThat(unknown.locationId()).isEqualTo("NotConfigured0000000");
        assertThat(ghl.requestCount()).isZero();
    }

    @Test
    void shouldNeverLogASecret() throws Exception {
        final ListAppender<ILoggingEvent> logs = new ListAppender<>();
        final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
        try {
            final LocationCredentials credentials = LocationCredentials.load(file, state, config);
            final HttpGhlApi api = api(credentials);
            api.contact(OAUTH, oauthContact);
            ghl.auth().expireAccessTokens(OAUTH);
            api.contact(OAUTH, oauthContact);
            api.contact(PIT, pitContact);

            final List<String> secrets = List.of(install.clientSecret(), install.refreshToken(), savedRefreshToken(),
                    saved().get("accessToken").asText(), credentials.tokenFor(PIT));
            assertThat(logs.list).isNotEmpty().allSatisfy(event -> assertThat(event.getFormattedMessage())
                    .doesNotContain(secrets));
            assertThat(credentials.toString()).doesNotContain(secrets);
        } finally {
            root.detachAppender(logs);
        }
    }

    private HttpGhlApi api(final LocationCredentials credentials) {
        return new HttpGhlApi(config, credentials, new SimpleMeterRegistry());
    }

    private Path writeCredentials(final String refreshToken, final String pit) throws IOException {
        final String json = """
                {"locations": [
                  {"locationId": "%s", "oauth": {"clientId": "%s", "clientSecret": "%s", "refreshToken": "%s"}},
                  {"locationId": "%s", "privateIntegrationToken": "%s"}
                ]}""".formatted(OAUTH, install.clientId(), install.clientSecret(), refreshToken, PIT, pit);
        return Files.writeString(dir.resolve("credentials.json"), json);
    }

    private Path stateFile() {
        return state.resolve(OAUTH + ".json");
    }

    private JsonNode saved() throws IOException {
        return MAPPER.readTree(stateFile().toFile());
    }

    private String savedRefreshToken() throws IOException {
        return saved().get("refreshToken").asText();
    }
}
