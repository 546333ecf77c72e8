package io.keepersync.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.keepersync.simulator.ApiFaults;
import io.keepersync.simulator.GhlSimulator;
import io.keepersync.simulator.SimulatorConfig;
import io.keepersync.simulator.support.ApiCalls;
import io.keepersync.simulator.support.ApiCalls.Reply;
import io.keepersync.simulator.support.GhlExamples;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each API fault switch against the served simulator, with two locations so that the other stays healthy. */
class ApiFaultsTest {

    private static final String FAULTY = "FaultyLoc0000000000A";
    private static final String HEALTHY = "HealthyLoc000000000B";

    private GhlSimulator simulator;
    private ApiCalls api;
    private String faultyPath;
    private String healthyPath;

    @BeforeEach
    void start() {
        simulator = GhlSimulator.start(SimulatorConfig.defaults().withoutLatency()
                .withLocationIds(List.of(FAULTY, HEALTHY)));
        api = new ApiCalls(simulator);
        faultyPath = "/contacts/" + simulator.seedContacts(FAULTY, 1).get(0);
        healthyPath = "/contacts/" + simulator.seedContacts(HEALTHY, 1).get(0);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void shouldAnswer503ToTheNextRequestsOfTheLocationOnly() {
        simulator.setApiFaults(FAULTY, ApiFaults.none().withServerErrors(2));

        final List<Integer> statuses = statuses(faultyPath, 3);
        final Reply healthy = api.get(healthyPath);
        final Reply later = api.get(faultyPath);

        assertThat(statuses).containsExactly(503, 503, 200);
        assertThat(later.status()).isEqualTo(200);
        assertThat(healthy.status()).isEqualTo(200);
        assertThat(simulator.requestStats().serverErrorCount(FAULTY)).isEqualTo(2);
        assertThat(simulator.requestStats().serverErrorCount(HEALTHY)).isZero();
    }

    @Test
    void shouldAnswer503WithGhlsErrorShape() {
        simulator.setApiFaults(FAULTY, ApiFaults.none().withServerErrors(1));

        final Reply reply = api.get(faultyPath);

        assertThat(reply.status()).isEqualTo(503);
        assertThat(GhlExamples.fieldNames(reply.body())).containsExactly("statusCode", "message");
        assertThat(reply.body().get("statusCode").asInt()).isEqualTo(503);
    }

    @Test
    void shouldAnswer429WithRateLimitHeadersForTheWholeStorm() {
        simulator.setApiFaults(FAULTY, ApiFaults.none().withRateLimitStorm(Duration.ofMinutes(1), true));

        final Reply storm = api.get(faultyPath);
        final Reply healthy = api.get(healthyPath);

        assertThat(storm.status()).isEqualTo(429);
        assertThat(storm.body()).isEqualTo(GhlExamples.read("error-429.json"));
        assertThat(storm.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(storm.header("X-RateLimit-Max")).isEqualTo("100");
        assertThat(storm.header("X-RateLimit-Interval-Milliseconds")).isEqualTo("10000");
        assertThat(storm.header("X-RateLimit-Daily-Remaining")).isEqualTo("200000");
        assertThat(Long.parseLong(storm.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(healthy.status()).isEqualTo(200);
        assertThat(simulator.requestStats().rateLimitedCount(FAULTY)).isEqualTo(1);
        assertThat(simulator.requestStats().rateLimitedCount(HEALTHY)).isZero();
    }

    @Test
    void shouldLeaveOutRetryAfterWhenAskedAndEndTheStormOnTime() {
        simulator.setApiFaults(FAULTY, ApiFaults.none().withRateLimitStorm(Duration.ofMillis(300), false));

        final Reply storm = api.get(faultyPath);

        assertThat(storm.status()).isEqualTo(429);
        assertThat(storm.header("Retry-After")).isNull();
        await().atMost(Duration.ofSeconds(3)).until(() -> api.get(faultyPath).status() == 200);
    }

    @Test
    void shouldAnswer503DuringAnOutageUntilItIsSwitchedOff() {
        simulator.setApiFaults(ApiFaults.none().withOutage(true));

        final List<Integer> during = statuses(faultyPath, 4);
        final int healthyDuring = api.get(healthyPath).status();
        simulator.clearApiFaults();
        final int after = api.get(faultyPath).status();

        assertThat(during).containsOnly(503);
        assertThat(healthyDuring).isEqualTo(503);
        assertThat(after).isEqualTo(200);
        assertThat(simulator.requestStats().serverErrorCount()).isEqualTo(5);
    }

    @Test
    void shouldAddLatencyToEveryRequestOfTheLocation() {
        simulator.setApiFaults(FAULTY, ApiFaults.none().withLatency(Duration.ofMillis(200)));

        final long begin = System.nanoTime();
        final Reply reply = api.get(faultyPath);
        final Duration took = Duration.ofNanos(System.nanoTime() - begin);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void shouldHangRequestsPastAClientTimeoutUntilCleared() throws Exception {
        simulator.setApiFaults(FAULTY, ApiFaults.none().withHang(Duration.ofMinutes(5)));
        final HttpClient client = HttpClient.newHttpClient();

        final HttpTimeoutException timeout = catchThrowableOfType(HttpTimeoutException.class,
                () -> client.send(request(faultyPath, Duration.ofMillis(300)), HttpResponse.BodyHandlers.ofString()));
        simulator.clearApiFaults();
        final HttpResponse<String> after = client.send(request(faultyPath, Duration.ofSeconds(10)),
                HttpResponse.BodyHandlers.ofString());

        assertThat(timeout).isNotNull();
        assertThat(after.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldApplyFaultsWithoutHttpInProcess() {
        final GhlSimulator inProcess = GhlSimulator.inProcess(SimulatorConfig.defaults()
                .withLocationIds(List.of(FAULTY, HEALTHY)));
        inProcess.setApiFaults(FAULTY, ApiFaults.none().withServerErrors(1));

        final ApiError first = catchThrowableOfType(ApiError.class, () -> inProcess.applyApiFaults(FAULTY));
        inProcess.setApiFaults(FAULTY, ApiFaults.none().withRateLimitStorm(Duration.ofMinutes(1), false));
        final ApiError storm = catchThrowableOfType(ApiError.class, () -> inProcess.applyApiFaults(FAULTY));

        assertThat(first.status()).isEqualTo(503);
        assertThat(storm.status()).isEqualTo(429);
        assertThatNoException().isThrownBy(() -> inProcess.applyApiFaults(HEALTHY));
        assertThat(inProcess.requestStats().serverErrorCount(FAULTY)).isEqualTo(1);
        assertThat(inProcess.requestStats().rateLimitedCount(FAULTY)).isEqualTo(1);
    }

    @Test
    void shouldRefuseFaultsForALocationItDoesNotServe() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> simulator.setApiFaults("Unknown000000000000X", ApiFaults.none().withOutage(true)))
                .withMessageContaining("Unknown000000000000X");
    }

    private List<Integer> statuses(final String path, final int count) {
        final List<Integer> result = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            result.add(api.get(path).status());
        }
        return result;
    }

    private HttpRequest request(final String path, final Duration timeout) {
        return HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path)).timeout(timeout)
                .header("Authorization", "Bearer " + SimulatorConfig.DEFAULT_ACCESS_TOKEN)
                .header("Version", ApiCalls.CONTACTS_VERSION)
                .GET().build();
    }
}
