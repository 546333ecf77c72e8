package io.keepersync.launcher.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.keepersync.backfill.progress.ProgressTopic;
import io.keepersync.kafka.SharedTestBroker;
import io.keepersync.launcher.KeeperCommand;
import io.keepersync.launcher.demo.TruthCheck;
import io.keepersync.launcher.run.Pipeline;
import io.keepersync.launcher.run.RunCommand;
import io.keepersync.schemas.BackfillProgress;
import io.keepersync.schemas.BackfillState;
import io.keepersync.schemas.EnrichedContact;
import io.keepersync.simulator.GhlSimulator;
import io.keepersync.simulator.SimulatorConfig;
import io.keepersync.sink.api.ContactJson;
import io.keepersync.sink.store.KeeperStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code keeper backfill} against {@code keeper run} and a simulated GHL location of a few thousand contacts that
 * existed before any webhook: killed halfway, started again, with live changes meanwhile; then the Keeper store
 * equals GHL, and {@code keeper sink rebuild} recreates it from Kafka with GHL gone.
 */
@Tag("integration")
@Timeout(180)
class BackfillEndToEndTest {

    private static final int CONTACTS = 2_000;
    private static final int RATE_LIMIT = 3_000;
    private static final String TOKEN = "backfill-e2e-token";
    private static final AtomicInteger RUNS = new AtomicInteger();

    @TempDir
    Path dataDir;

    private final String bootstrap = SharedTestBroker.bootstrapServers();
    private final String prefix = "backfill-e2e-" + RUNS.incrementAndGet() + ".";
    private GhlSimulator ghl;
    private Pipeline keeper;
    private String locationId;

    @BeforeEach
    void startGhlAndKeeper() throws Exception {
        ghl = GhlSimulator.start(SimulatorConfig.defaults().withAccessToken(TOKEN).withoutLatency()
            .withRateLimit(RATE_LIMIT, Duration.ofSeconds(10)));
        ghl.stampWebhooksWithWallClock();
        locationId = ghl.locationIds().get(0);
        ghl.seedContacts(locationId, CONTACTS);
        final Path signingKey = Files.writeString(dataDir.resolve("ghl-key.pem"), ghl.webhookPublicKeyPem());
        final RunCommand run = new RunCommand();
        new CommandLine(run).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(
            "--bootstrap-servers", bootstrap, "--topic-prefix", prefix, "--data-dir", dataDir.toString(),
            "--gateway-port", "0", "--api-port", "0", "--api-keys", "key", "--ghl-api-url", ghl.baseUrl(),
            "--ghl-token", TOKEN, "--ghl-rate-limit", String.valueOf(RATE_LIMIT),
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
    void shouldResumeAKilledBackfillSeeLiveChangesFirstAndEndEqualToGhlAndRebuildWithoutGhl() throws Exception {
        final Backfill killed = Backfill.start(backfillArgs());
        await().atMost(Duration.ofSeconds(60)).until(() -> published() >= CONTACTS / 4);
        killed.interrupt();
        assertThat(killed.exitCode()).isEqualTo(BackfillCommand.STOPPED);
        final BackfillProgress checkpoint = progress().orElseThrow();
        assertThat(checkpoint.getState()).isEqualTo(BackfillState.RUNNING);
        assertThat(checkpoint.getContactsPublished()).isLessThan(CONTACTS);

        final Backfill resumed = Backfill.start(backfillArgs());
        final List<String> changed = liveChanges();
        await().atMost(Duration.ofSeconds(60)).until(() -> matchGhl(changed));
        assertThat(resumed.running()).as("live changes visible before the backfill finished").isTrue();

        assertThat(resumed.exitCode()).as(resumed.output()).isZero();
        final BackfillProgress done = progress().orElseThrow();
        assertThat(done.getRunId()).isEqualTo(checkpoint.getRunId());
        assertThat(done.getState()).isEqualTo(BackfillState.DONE);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(mismatches(store())).isEmpty());

        keeper.close();
        keeper = null;
        ghl.close();
        final StringWriter rebuildOutput = new StringWriter();
        final int rebuilt = KeeperCommand.commandLine().setOut(new PrintWriter(rebuildOutput)).execute("sink",
            "rebuild", "--bootstrap-servers", bootstrap, "--topic-prefix", prefix, "--data-dir", dataDir.toString());
        assertThat(rebuilt).as(rebuildOutput.toString()).isZero();
        try (KeeperStore store = KeeperStore.open(dataDir.resolve("keeper-store"))) {
            assertThat(mismatches(store)).isEmpty();
        }
    }

    /** Changes in GHL while the backfill runs, sent as signed webhooks through the gateway. */
    private List<String> liveChanges() {
        final List<String> ids = new ArrayList<>(ghl.liveContactIds());
        ids.sort(null);
        final List<String> changed = new ArrayList<>(ids.subList(0, 3));
        ghl.updateContact(changed.get(0), JsonNodeFactory.instance.objectNode().put("companyName", "Live Ltd"));
        ghl.createNote(changed.get(1));
        ghl.changeTags(changed.get(2), List.of("live"), List.of());
        changed.add(ghl.createContact(locationId));
        return changed;
    }

    private boolean matchGhl(final List<String> contactIds) {
        final KeeperStore store = store();
        return contactIds.stream().allMatch(contactId -> store.get(contactId)
            .map(kept -> TruthCheck.differences(ContactJson.toJson(kept), ghl.truthOf(contactId).orElseThrow()))
            .map(List::isEmpty)
            .orElse(false));
    }

    /** Every live contact stored and equal to GHL, nothing else stored. */
    private List<String> mismatches(final KeeperStore store) {
        final List<String> mismatches = new ArrayList<>();
        for (final String contactId : ghl.liveContactIds()) {
            final Optional<EnrichedContact> kept = store.get(contactId);
            if (kept.isEmpty()) {
                mismatches.add(contactId + " missing");
            } else {
                TruthCheck.differences(ContactJson.toJson(kept.get()), ghl.truthOf(contactId).orElseThrow())
                    .forEach(field -> mismatches.add(contactId + " " + field));
            }
        }
        if (store.count() != ghl.liveContactIds().size()) {
            mismatches.add("stored " + store.count() + " contacts, GHL has " + ghl.liveContactIds().size());
        }
        return mismatches.subList(0, Math.min(20, mismatches.size()));
    }

    private KeeperStore store() {
        return keeper.sink().orElseThrow().store();
    }

    private long published() {
        return progress().map(BackfillProgress::getContactsPublished).orElse(0L);
    }

    private Optional<BackfillProgress> progress() {
        return ProgressTopic.latest(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
            prefix + "keeper.backfill-progress", locationId);
    }

    private String[] backfillArgs() {
        return new String[] {"backfill", "--location", locationId, "--bootstrap-servers", bootstrap,
            "--topic-prefix", prefix, "--ghl-api-url", ghl.baseUrl(), "--ghl-token", TOKEN,
            "--ghl-rate-limit", String.valueOf(RATE_LIMIT)};
    }

    /** {@code keeper backfill} running on a thread of its own, as a separate process would. */
    private static final class Backfill {
        private final StringWriter output = new StringWriter();
        private final CompletableFuture<Integer> exit = new CompletableFuture<>();
        private final Thread thread;

        private Backfill(final String[] args) {
            final CommandLine command = KeeperCommand.commandLine().setOut(new PrintWriter(output, true));
            this.thread = new Thread(() -> exit.complete(command.execute(args)), "keeper-backfill-command");
        }

        static Backfill start(final String[] args) {
            final Backfill backfill = new Backfill(args);
            backfill.thread.start();
            return backfill;
        }

        /** Stops it as a kill would: no final checkpoint. */
        void interrupt() {
            thread.interrupt();
        }

        boolean running() {
            return thread.isAlive();
        }

        int exitCode() throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
            return exit.get(120, TimeUnit.SECONDS);
        }

        String output() {
            return output.toString();
        }
    }
}
