package io.keepersync.launcher.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.keepersync.kafka.SharedTestBroker;
import io.keepersync.simulator.ApiFaults;
import io.keepersync.simulator.GhlSimulator;
import io.keepersync.simulator.SimulatorConfig;
import io.keepersync.simulator.auth.OAuthInstallation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code keeper run --ghl-credentials}: a location authorised by OAuth whose access tokens expire within a
 * second; enrichment renews them, keeps the replacement refresh tokens in the data directory, and never
 * spends a refresh token twice.
 */
class KeeperRunCredentialsTest {

    private static final String API_KEY = "credentials-key";

    @Test
    void shouldSyncALocationWhoseOAuthTokensExpireAgainAndAgain(@TempDir final Path dataDir) throws Exception {
        try (GhlSimulator ghl = GhlSimulator.start(SimulatorConfig.defaults().withoutLatency())) {
            ghl.stampWebhooksWithWallClock();
            final String locationId = ghl.locationIds().get(0);
            final OAuthInstallation oauth = ghl.registerOAuthInstallation(locationId);
            ghl.setApiFaults(locationId, ApiFaults.none().withTokenTtl(Duration.ofMillis(800)));
            final Path credentials = Files.writeString(dataDir.resolve("credentials.json"), """
                {"locations": [{"locationId": "%s", "oauth": {"clientId": "%s", "clientSecret": "%s", "refreshToken": "%s"}}]}
                """.formatted(locationId, oauth.clientId(), oauth.clientSecret(), oauth.refreshToken()));
            final Path signingKey = Files.writeString(dataDir.resolve("ghl-key.pem"), ghl.webhookPublicKeyPem());
            final RunCommand run = new RunCommand();
            new CommandLine(run).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(
                "--bootstrap-servers", SharedTestBroker.bootstrapServers(),
                "--topic-prefix", "credentials.",
                "--data-dir", dataDir.toString(),
                "--gateway-port", "0",
                "--api-port", "0",
                "--api-keys", API_KEY,
                "--ghl-api-url", ghl.baseUrl(),
                "--ghl-credentials", credentials.toString(),
                "--webhook-ed25519-key", signingKey.toString());
            try (Pipeline keeper = run.start()) {
                ghl.setWebhookUrl("http://localhost:" + keeper.gateway().orElseThrow().port() + "/webhooks/ghl");

                final String first = ghl.createContact(locationId);
                await().atMost(Duration.ofSeconds(60)).until(() -> status(keeper, first) == 200);
                await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
                final String second = ghl.createContact(locationId);
                ghl.createNote(second);

                await().atMost(Duration.ofSeconds(60)).until(() -> status(keeper, second) == 200);
                assertThat(ghl.auth().refreshCount(locationId)).isGreaterThanOrEqualTo(2);
                assertThat(ghl.auth().refreshReuseCount()).isZero();
                assertThat(dataDir.resolve("ghl-tokens").resolve(locationId + ".json")).exists()
                    .content().doesNotContain(oauth.refreshToken());
            }
        }
    }

    private static int status(final Pipeline keeper, final String contactId) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + keeper.sink().orElseThrow().apiPort() + "/contacts/" + contactId))
            .header("Authorization", "Bearer " + API_KEY).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
