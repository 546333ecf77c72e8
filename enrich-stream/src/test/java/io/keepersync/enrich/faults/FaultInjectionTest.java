package io.keepersync.enrich.faults;

import static io.keepersync.enrich.faults.FaultHarness.FINE;
import static io.keepersync.enrich.faults.FaultHarness.SLOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.keepersync.ghl.HttpGhlApi;
import io.keepersync.ghl.auth.LocationCredentials;
import io.keepersync.simulator.ApiFaults;
import io.keepersync.simulator.auth.OAuthInstallation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GHL misbehaving in each way the simulator can, with enrichment running for real: every event ends in the
 * store, or past the retry bound in the dead-letter topic from where a redrive completes the store.
 */
class FaultInjectionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration NEVER = Duration.ofHours(1);

    @TempDir
    Path stateDir;

    @Test
    void shouldSyncEverythingThroughSlowAnswers() {
        try (FaultHarness run = FaultHarness.start("latency").enrich(stateDir, NEVER)) {
            run.ghl.setApiFaults(SLOW, ApiFaults.none().withLatency(Duration.ofMillis(300)));

            final List<String> contacts = run.createContactsWithNotes(SLOW, 10);

            await().atMost(PATIENCE).until(() -> run.inStore(contacts));
            assertThat(run.deadLetters.list(letter -> true)).isEmpty();
        }
    }

    @Test
    void shouldSyncEverythingThroughABurstOfServerErrors() {
        try (FaultHarness run = FaultHarness.start("server-errors").enrich(stateDir, NEVER)) {
            run.ghl.setApiFaults(SLOW, ApiFaults.none().withServerErrors(30));

            final List<String> contacts = run.createContactsWithNotes(SLOW, 10);

            await().atMost(PATIENCE).until(() -> run.inStore(contacts));
            assertThat(run.ghl.requestStats().serverErrorCount(SLOW)).isEqualTo(30);
            assertThat(run.deadLetters.list(letter -> true)).isEmpty();
        }
    }

    @Test
    void shouldBackOffThroughA429StormInsteadOfLoopingOnIt() {
        try (FaultHarness run = FaultHarness.start("storm").enrich(stateDir, NEVER)) {
            run.ghl.setApiFaults(SLOW, ApiFaults.none().withRateLimitStorm(Duration.ofSeconds(3), true));

            final List<String> contacts = run.createContactsWithNotes(SLOW, 10);

            await().atMost(PATIENCE).until(() -> run.inStore(contacts));
            // After a 429 the client pauses the location until Retry-After has passed (plus jitter); only the
            // reads already on their way when the storm began, or sent as it ends, can meet it.
            assertThat(run.ghl.requestStats().rateLimitedCount(SLOW)).isLessThanOrEqualTo(10);
            assertThat(run.deadLetters.list(letter -> true)).isEmpty();
        }
    }

    @Test
    void shouldSyncEverythingOnceRequestsStopTimingOut() {
        try (FaultHarness run = FaultHarness.start("timeouts").enrich(stateDir, NEVER)) {
            run.ghl.setApiFaults(SLOW, ApiFaults.none().withHang(Duration.ofSeconds(2)));

            final List<String> contacts = run.createContactsWithNotes(SLOW, 5);
            await().atMost(PATIENCE).until(() -> run.ghl.requestStats().of(SLOW) >= 2);
            assertThat(run.writtenOf(contacts)).isZero();
            run.ghl.clearApiFaults();

            await().atMost(PATIENCE).until(() -> run.inStore(contacts));
        }
    }

    @Test
    void shouldRenewExpiringOAuthTokensWithoutEverReusingARefreshToken() throws Exception {
        try (FaultHarness run = FaultHarness.start("tokens")) {
            final OAuthInstallation installation = run.ghl.registerOAuthInstallation(SLOW);
            final Path credentials = Files.writeString(stateDir.resolve("credentials.json"), """
                {"locations": [{"locationId": "%s", "oauth": {"clientId": "%s", "clientSecret": "%s", "refreshToken": "%s"}}]}
                """.formatted(SLOW, installation.clientId(), installation.clientSecret(), installation.refreshToken()));
            run.ghl.setApiFaults(SLOW, ApiFaults.none().withTokenTtl(Duration.ofMillis(700)));
            run.enrich(stateDir.resolve("streams"), NEVER, config -> new HttpGhlApi(config,
                LocationCredentials.load(credentials, stateDir.resolve("tokens"), config, Duration.ZERO),
                new SimpleMeterRegistry()));

            final List<String> first = run.createContactsWithNotes(SLOW, 5);
            await().atMost(PATIENCE).until(() -> run.inStore(first));
            await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
            final List<String> second = run.createContactsWithNotes(SLOW, 5);

            await().atMost(PATIENCE).until(() -> run.inStore(second));
            assertThat(run.ghl.auth().refreshCount(SLOW)).isGreaterThanOrEqualTo(2);
            assertThat(run.ghl.auth().refreshReuseCount()).isZero();
        }
    }

    @Test
    void shouldDeadLetterWhatAnOutageOutlastsAndCompleteTheStoreOnRedrive() {
        try (FaultHarness run = FaultHarness.start("outage").enrich(stateDir, Duration.ofSeconds(2))) {
            run.ghl.setApiFaults(SLOW, ApiFaults.none().withOutage(true));

            final List<String> contacts = run.createContactsWithNotes(SLOW, 5);
            await().atMost(PATIENCE).until(() -> run.deadLetters.list(letter -> true).size() == contacts.size());
            assertThat(run.writtenOf(contacts)).isZero();
            run.ghl.clearApiFaults();

            assertThat(run.deadLetters.redrive(letter -> true, false).sent()).isEqualTo(contacts.size());
            await().atMost(PATIENCE).until(() -> run.inStore(contacts));
            assertThat(run.deadLetters.list(letter -> true)).hasSize(contacts.size());
        }
    }

    @Test
    void shouldKeepSyncingOtherLocationsWhileOneHangs() {
        try (FaultHarness run = FaultHarness.start("isolation").enrich(stateDir, NEVER)) {
            run.ghl.setApiFaults(SLOW, ApiFaults.none().withHang(Duration.ofSeconds(30)));

            final List<String> stuck = run.createContactsWithNotes(SLOW, 20);
            final List<String> fine = run.createContactsWithNotes(FINE, 20);

            await().atMost(PATIENCE).until(() -> run.inStore(fine));
            assertThat(run.writtenOf(stuck)).isZero();
            run.ghl.clearApiFaults();
            await().atMost(PATIENCE).until(() -> run.inStore(stuck));
        }
    }
}
