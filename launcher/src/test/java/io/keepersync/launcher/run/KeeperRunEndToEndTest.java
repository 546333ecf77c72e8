package io.keepersync.launcher.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keepersync.kafka.SharedTestBroker;
import io.keepersync.launcher.demo.TruthCheck;
import io.keepersync.simulator.GhlSimulator;
import io.keepersync.simulator.SimulatorConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code keeper run} against a GHL-compatible server on another port that signs webhooks with a key of
 * its own: webhooks in, enriched contacts out of the read API.
 */
class KeeperRunEndToEndTest {

    private static final String API_KEY = "e2e-key";
    private static final String GHL_TOKEN = "e2e-ghl-token";
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private GhlSimulator ghl;
    private Pipeline keeper;

    @BeforeEach
    void startGhlAndKeeper(@TempDir final Path dataDir) throws Exception {
        ghl = GhlSimulator.start(SimulatorConfig.defaults().withAccessToken(GHL_TOKEN).withoutLatency());
        ghl.stampWebhooksWithWallClock();
        final Path signingKey = Files.writeString(dataDir.resolve("ghl-key.pem"), ghl.webhookPublicKeyPem());
        final RunCommand run = new RunCommand();
        new CommandLine(run).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(
            "--bootstrap-servers", SharedTestBroker.bootstrapServers(),
            "--topic-prefix", "e2e-" + RUNS.incrementAndGet() + ".",
            "--data-dir", dataDir.toString(),
            "--gateway-port", "0",
            "--api-port", "0",
            "--api-keys", API_KEY,
            "--ghl-api-url", ghl.baseUrl(),
            "--ghl-token", GHL_TOKEN,
            "--webhook-ed25519-key", signingKey.toString());
        keeper = run.start();
        ghl.setWebhookUrl("http://localhost:" + keeper.gateway().orElseThrow().port() + "/webhooks/ghl");
    }

    @AfterEach
    void stop() {
        if (keeper != null) {
            keeper.close();
        }
        ghl.close();
    }

    @Test
    void shouldServeAContactWithItsTasksNotesAndAppointmentsOnceItsWebhooksArrive() {
        final String contactId = ghl.createContact(ghl.locationIds().get(0));
        ghl.createTask(contactId);
        ghl.createNote(contactId);
        ghl.createAppointment(contactId);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            final ObjectNode served = getContact(contactId);
            assertThat(served.path("tasks")).hasSize(1);
            assertThat(served.path("notes")).hasSize(1);
            assertThat(served.path("appointments")).hasSize(1);
            assertThat(TruthCheck.differences(served, ghl.truthOf(contactId).orElseThrow())).isEmpty();
        });
    }

    @Test
    void shouldForgetAContactOnceGhlDeletesIt() {
        final String contactId = ghl.createContact(ghl.locationIds().get(0));
        await().atMost(Duration.ofSeconds(60)).until(() -> status(contactId) == 200);

        ghl.deleteContact(contactId);

        await().atMost(Duration.ofSeconds(60)).until(() -> status(contactId) == 404);
    }

    @Test
    void shouldCatchAChangeWhoseWebhookGhlDroppedOnTheNextSweep() {
        final String contactId = ghl.createContact(ghl.locationIds().get(0));
        await().atMost(Duration.ofSeconds(60)).until(() -> status(contactId) == 200);
        ghl.setDeliveryFaults(0.0, 1, 1.0);

        ghl.updateContact(contactId);
        keeper.sweeper().orElseThrow().sweepDueLocations();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
            assertThat(TruthCheck.differences(getContact(contactId), ghl.truthOf(contactId).orElseThrow())).isEmpty());
    }

    private ObjectNode getContact(final String contactId) throws Exception {
        final HttpResponse<String> response = http.send(request(contactId), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return (ObjectNode) JSON.readTree(response.body()).path("contact");
    }

    private int status(final String contactId) throws Exception {
        return http.send(request(contactId), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpRequest request(final String contactId) {
        return HttpRequest.newBuilder(URI.create(
                "http://localhost:" + keeper.sink().orElseThrow().apiPort() + "/contacts/" + contactId))
            .header("Authorization", "Bearer " + API_KEY)
            .build();
    }
}
