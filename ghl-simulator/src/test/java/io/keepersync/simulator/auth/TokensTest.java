package io.keepersync.simulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.keepersync.simulator.ApiFaults;
import io.keepersync.simulator.GhlSimulator;
import io.keepersync.simulator.SimulatorConfig;
import io.keepersync.simulator.support.ApiCalls;
import io.keepersync.simulator.support.ApiCalls.Reply;
import io.keepersync.simulator.support.GhlExamples;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Private Integration Tokens, OAuth refresh and expiry against the served simulator. */
class TokensTest {

    private static final String FIRST = "FirstLoc00000000000A";
    private static final String SECOND = "SecondLoc0000000000B";
    private static final String EXPIRED_BODY =
            "{\"statusCode\":401,\"message\":\"Invalid JWT: token has expired\",\"error\":\"Unauthorized\"}";

    private GhlSimulator simulator;
    private String firstPath;
    private String secondPath;

    @BeforeEach
    void start() {
        simulator = GhlSimulator.start(SimulatorConfig.defaults().withoutLatency()
                .withLocationIds(List.of(FIRST, SECOND)).withAccessTokenLifetime(Duration.ofSeconds(600)));
        firstPath = "/contacts/" + simulator.seedContacts(FIRST, 1).get(0);
        secondPath = "/contacts/" + simulator.seedContacts(SECOND, 1).get(0);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void shouldKeepTheDefaultTokenWorkingForEveryLocation() {
        final ApiCalls api = new ApiCalls(simulator);

        assertThat(api.get(firstPath).status()).isEqualTo(200);
        assertThat(api.get(secondPath).status()).isEqualTo(200);
    }

    @Test
    void shouldAcceptAPrivateTokenOnlyForItsLocation() {
        final String pit = simulator.issuePrivateToken(FIRST);
        final ApiCalls api = new ApiCalls(simulator.baseUrl(), pit);

        final Reply own = api.get(firstPath);
        final Reply other = api.get(secondPath);

        assertThat(pit).matches("pit-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(own.status()).isEqualTo(200);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.body()).isEqualTo(GhlExamples.read("error-403-location.json"));
        assertThat(simulator.requestCount(FIRST)).isEqualTo(1);
    }

    @Test
    void shouldTradeARefreshTokenForAnAccessTokenOfTheLocation() {
        final OAuthInstallation install = simulator.registerOAuthInstallation(FIRST);

        final Reply grant = refresh(install, install.refreshToken());
        final ApiCalls api = new ApiCalls(simulator.baseUrl(), grant.body().get("access_token").asText());

        assertThat(grant.status()).isEqualTo(200);
        assertThat(GhlExamples.fieldNames(grant.body()))
                .containsExactlyElementsOf(GhlExamples.fieldNames(GhlExamples.read("oauth-token-response.json")));
        assertThat(grant.body().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(grant.body().get("expires_in").asLong()).isEqualTo(600);
        assertThat(grant.body().get("userType").asText()).isEqualTo("Location");
        assertThat(grant.body().get("locationId").asText()).isEqualTo(FIRST);
        assertThat(grant.body().get("refresh_token").asText()).isNotEqualTo(install.refreshToken());
        assertThat(api.get(firstPath).status()).isEqualTo(200);
        assertThat(api.get(secondPath).status()).isEqualTo(403);
        assertThat(simulator.auth().refreshCount(FIRST)).isEqualTo(1);
        assertThat(install.toString()).doesNotContain(install.clientSecret(), install.refreshToken());
    }

    @Test
    void shouldRefuseAndCountASpentRefreshToken() {
        final OAuthInstallation install = simulator.registerOAuthInstallation(FIRST);
        final Reply first = refresh(install, install.refreshToken());

        final Reply reused = refresh(install, install.refreshToken());
        final Reply next = refresh(install, first.body().get("refresh_token").asText());

        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.body().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(reused.body().toString()).doesNotContain(install.refreshToken());
        assertThat(next.status()).isEqualTo(200);
        assertThat(simulator.auth().refreshReuseCount(FIRST)).isEqualTo(1);
        assertThat(simulator.auth().refreshReuseCount()).isEqualTo(1);
        assertThat(simulator.auth().refreshCount(FIRST)).isEqualTo(2);
    }

    @Test
    void shouldRefuseAWrongClientSecretAndAnotherGrantType() {
        final OAuthInstallation install = simulator.registerOAuthInstallation(FIRST);
        final ApiCalls api = new ApiCalls(simulator);

        final Reply wrongSecret = api.postForm("/oauth/token", Map.of("grant_type", "refresh_token",
                "client_id", install.clientId(), "client_secret", "nope", "refresh_token", install.refreshToken()));
        final Reply code = api.postForm("/oauth/token", Map.of("grant_type", "authorization_code",
                "client_id", install.clientId(), "client_secret", install.clientSecret(), "code", "abc"));
        final Reply stillGood = refresh(install, install.refreshToken());

        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.body().get("error").asText()).isEqualTo("invalid_client");
        assertThat(code.status()).isEqualTo(400);
        assertThat(stillGood.status()).isEqualTo(200);
    }

    @Test
    void shouldAnswer401ExpiredOnceTheLocationsTokensAreExpired() {
        final OAuthInstallation install = simulator.registerOAuthInstallation(FIRST);
        final Reply grant = refresh(install, install.refreshToken());
        final ApiCalls old = new ApiCalls(simulator.baseUrl(), grant.body().get("access_token").asText());

        simulator.auth().expireAccessTokens(FIRST);
        final Reply expired = old.get(firstPath);
        final Reply renewed = refresh(install, grant.body().get("refresh_token").asText());
        final Reply fresh = new ApiCalls(simulator.baseUrl(), renewed.body().get("access_token").asText())
                .get(firstPath);

        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.body().toString()).isEqualTo(EXPIRED_BODY);
        assertThat(fresh.status()).isEqualTo(200);
    }

    @Test
    void shouldExpireTokensAfterTheFaultsTtlWithoutChangingExpiresIn() {
        final OAuthInstallation install = simulator.registerOAuthInstallation(FIRST);
        simulator.setApiFaults(FIRST, ApiFaults.none().withTokenTtl(Duration.ZERO));
        final JsonNode grant = refresh(install, install.refreshToken()).body();
        final ApiCalls api = new ApiCalls(simulator.baseUrl(), grant.get("access_token").asText());

        final Reply during = api.get(firstPath);
        simulator.clearApiFaults();
        final Reply after = api.get(firstPath);

        assertThat(grant.get("expires_in").asLong()).isEqualTo(600);
        assertThat(during.status()).isEqualTo(401);
        assertThat(during.body().toString()).isEqualTo(EXPIRED_BODY);
        assertThat(after.status()).isEqualTo(200);
    }

    private Reply refresh(final OAuthInstallation install, final String refreshToken) {
        return new ApiCalls(simulator).postForm("/oauth/token", Map.of("grant_type", "refresh_token",
                "client_id", install.clientId(), "client_secret", install.clientSecret(),
                "refresh_token", refreshToken, "user_type", "Location"));
    }
}
