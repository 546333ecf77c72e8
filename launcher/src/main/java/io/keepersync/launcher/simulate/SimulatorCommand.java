package io.keepersync.launcher.simulate;

import io.keepersync.simulator.GhlSimulator;
import io.keepersync.simulator.SimulatorConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code keeper simulator}: the GHL simulator on its own, so that {@code keeper run} can be tried
 * against a server that speaks GHL's contract with a signing key of its own.
 */
@Command(name = "simulator", mixinStandardHelpOptions = true,
    description = {"Serves the GHL API contract from simulated data and sends signed webhooks for the changes "
        + "it makes, until stopped.",
        "With --webhook-url it first waits for the gateway's /health to answer, since GHL drops webhooks "
            + "nobody receives."})
public final class SimulatorCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "9090", description = "HTTP port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--webhook-url", description = "Where to POST webhooks, e.g. http://localhost:8080/webhooks/ghl.")
    String webhookUrl;

    @Option(names = "--token", defaultValue = SimulatorConfig.DEFAULT_ACCESS_TOKEN,
        description = "Bearer token the API accepts (default ${DEFAULT-VALUE}).")
    String token;

    @Option(names = "--public-key-file", defaultValue = "simulator-webhook-key.pem",
        description = "Where to write the PEM public key the webhooks are signed with (default ${DEFAULT-VALUE}).")
    Path publicKeyFile;

    @Option(names = "--contacts", defaultValue = "20", description = "Contacts to create at start (default ${DEFAULT-VALUE}).")
    int contacts;

    @Option(names = "--changes-per-second", defaultValue = "1",
        description = "Random changes made each second after start (default ${DEFAULT-VALUE}; 0 for none).")
    int changesPerSecond;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the simulated data (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException, InterruptedException {
        final SimulatorConfig config = SimulatorConfig.defaults().withPort(port).withSeed(seed).withAccessToken(token);
        try (GhlSimulator ghl = GhlSimulator.start(webhookUrl == null ? config : config.withWebhookUrl(webhookUrl))) {
            ghl.stampWebhooksWithWallClock();
            Files.writeString(publicKeyFile, ghl.webhookPublicKeyPem());
            System.out.printf("GHL simulator at %s, location %s; webhook key in %s%n",
                ghl.baseUrl(), String.join(",", ghl.locationIds()), publicKeyFile.toAbsolutePath());
            if (webhookUrl != null) {
                GatewayWait.untilUp(URI.create(webhookUrl).resolve("/health"), Duration.ofMinutes(5));
            }
            for (int i = 0; i < contacts; i++) {
                ghl.createContact(ghl.locationIds().get(0));
            }
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(Duration.ofSeconds(1).toMillis());
                if (changesPerSecond > 0) {
                    ghl.applyRandomChanges(changesPerSecond);
                }
            }
        }
        return 0;
    }
}
