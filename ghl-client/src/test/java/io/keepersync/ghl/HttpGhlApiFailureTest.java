package io.keepersync.ghl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keepersync.ghl.StubGhl.Reply;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries, give-ups and refusals against a stub GHL. */
class HttpGhlApiFailureTest {

    private static final String LOCATION = "8qN83ajhKeWpYcKzqIp1";
    private static final String CONTACT = "cV9Xos78cGC2IymrARjg";
    private static final String TOKEN = "pit-9d4e7b21-5a3c-4f08-b6e2-1c7a9f3d5e84";
    private static final String TOO_MANY = GhlExamples.read("error-429.json");
    private static final String UNAVAILABLE = "{\"statusCode\":503,\"message\":\"Service Unavailable\"}";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private StubGhl stub;
    private GhlClientConfig config;
    private HttpGhlApi api;

    @BeforeEach
    void startStub() {
        stub = StubGhl.start();
        config = GhlClientConfig.defaults()
                .withBaseUrl(stub.baseUrl())
                .withMaxAttempts(4)
                .withRequestTimeout(Duration.ofSeconds(5))
                .withInitialBackoff(Duration.ofMillis(1))
                .withMaxBackoff(Duration.ofMillis(5));
        api = new HttpGhlApi(config, TokenProvider.fixed(TOKEN), registry);
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void shouldRetryRateLimitThenSucceed() {
        stub.script(StubGhl.CONTACT,
                Reply.status(429, TOO_MANY).withHeader("Retry-After", "0"),
                Reply.status(429, TOO_MANY).withHeader("X-RateLimit-Interval-Milliseconds", "2"),
                Reply.ok(GhlExamples.read("get-contact.json")));

        final var contact = api.contact(LOCATION, CONTACT);

        assertThat(contact).isPresent();
        assertThat(api.requestCount()).isEqualTo(3);
        assertThat(count("/contacts/{id}", "429")).isEqualTo(2);
        assertThat(count("/contacts/{id}", "2xx")).isEqualTo(1);
    }

    @Test
    void shouldRetryServerErrorThenSucceed() {
        stub.script(StubGhl.NOTES, Reply.status(503, UNAVAILABLE),
                Reply.ok(GhlExamples.read("get-contact-notes.json")));

        final var notes = api.notes(LOCATION, CONTACT);

        assertThat(notes).hasSize(2);
        assertThat(api.requestCount()).isEqualTo(2);
        assertThat(count("/contacts/{id}/notes", "5xx")).isEqualTo(1);
    }

    @Test
    void shouldGiveUpAfterMaxAttemptsWithLastStatus() {
        stub.script(StubGhl.TASKS, Reply.status(503, UNAVAILABLE));

        final GhlApiException error = catchThrowableOfType(GhlApiException.class,
                () -> api.tasks(LOCATION, CONTACT));

        assertThat(error.status()).isEqualTo(503);
        assertThat(error.retriable()).isTrue();
        assertThat(error).hasMessageContaining("GET /contacts/{id}/tasks").hasMessageContaining("503");
        assertThat(api.requestCount()).isEqualTo(4);
        assertThat(stub.received()).hasSize(4);
    }

    @Test
    void shouldGiveUpOnRateLimitWithStatus429() {
        stub.script(StubGhl.SEARCH_TASKS, Reply.status(429, TOO_MANY).withHeader("Retry-After", "0"));

        final GhlApiException error = catchThrowableOfType(GhlApiException.class,
                () -> api.contactOfTask(LOCATION, "LseOtJnlWlihbzdV8T2f"));

        assertThat(error.status()).isEqualTo(429);
        assertThat(api.requestCount()).isEqualTo(4);
    }

    @Test
    void shouldNotRetryBadRequest() {
        stub.script(StubGhl.APPOINTMENTS, Reply.status(400, GhlExamples.read("error-400.json")));

        final GhlApiException error = catchThrowableOfType(GhlApiException.class,
                () -> api.appointments(LOCATION, CONTACT));

        assertThat(error.status()).isEqualTo(400);
        assertThat(error.retriable()).isFalse();
        assertThat(api.requestCount()).isEqualTo(1);
        assertThat(count("/contacts/{id}/appointments", "4xx")).isEqualTo(1);
    }

    @Test
    void shouldReportMissingVersionAsContractBug() {
        stub.script(StubGhl.CONTACT, Reply.status(401, GhlExamples.read("error-401-missing-version.json")));

        final GhlApiException error = catchThrowableOfType(GhlApiException.class,
                () -> api.contact(LOCATION, CONTACT));

        assertThat(error).isInstanceOf(GhlContractException.class).isNotInstanceOf(GhlAuthException.class);
        assertThat(error.status()).isEqualTo(401);
        assertThat(api.requestCount()).isEqualTo(1);
    }

    @Test
    void shouldReportRefusedTokenAsAuthFailure() {
        stub.script(StubGhl.CONTACT, Reply.status(401, GhlExamples.read("error-401.json")));

        final GhlApiException error = catchThrowableOfType(GhlApiException.class,
                () -> api.contact(LOCATION, CONTACT));

        assertThat(error).isInstanceOf(GhlAuthException.class);
        assertThat(error.status()).isEqualTo(401);
        assertThat(error.retriable()).isFalse();
        assertThat(error).hasMessageContaining("GET /contacts/{id}").hasMessageNotContaining(TOKEN);
    }

    @Test
    void shouldKeepTokenAndBodiesOutOfEveryMessage() {
        stub.script(StubGhl.CONTACT, Reply.status(401, GhlExamples.read("error-401.json")))
                .script(StubGhl.TASKS, Reply.status(422, GhlExamples.read("error-422.json")))
                .script(StubGhl.NOTES, Reply.status(500, "{\"message\":\"jordan.blake@example.com\"}"));

        final Throwable[] errors = {
            catchThrowableOfType(GhlApiException.class, () -> api.contact(LOCATION, CONTACT)),
            catchThrowableOfType(GhlApiException.class, () -> api.tasks(LOCATION, CONTACT)),
            catchThrowableOfType(GhlApiException.class, () -> api.notes(LOCATION, CONTACT)),
        };

        assertThat(errors).allSatisfy(error -> assertThat(error.toString())
                .doesNotContain(TOKEN)
                .doesNotContain("email must be an email")
                .doesNotContain("jordan.blake"));
    }

    @Test
    void shouldRefuseTokenThatCannotBeAHeaderWithoutQuotingIt() {
        final String badToken = "pit-secret\r\nX-Injected: 1";
        final HttpGhlApi badApi = new HttpGhlApi(config, TokenProvider.fixed(badToken), registry);

        final GhlAuthException error = catchThrowableOfType(GhlAuthException.class,
                () -> badApi.contact(LOCATION, CONTACT));

        assertThat(error).hasMessageNotContaining("pit-secret");
        assertThat(stub.received()).isEmpty();
    }

    @Test
    void shouldRetryTimeoutsAndGiveUpWithStatusZero() {
        stub.script(StubGhl.CONTACT, Reply.hang());
        final HttpGhlApi impatient = new HttpGhlApi(config.withRequestTimeout(Duration.ofMillis(200))
                .withMaxAttempts(2), TokenProvider.fixed(TOKEN), registry);

        final GhlApiException error = catchThrowableOfType(GhlApiException.class,
                () -> impatient.contact(LOCATION, CONTACT));

        assertThat(error.status()).isZero();
        assertThat(error.retriable()).isTrue();
        assertThat(impatient.requestCount()).isEqualTo(2);
        assertThat(count("/contacts/{id}", "io")).isEqualTo(2);
    }

    @Test
    void shouldRetryRefusedConnectionsAndGiveUpWithStatusZero() {
        final String deadUrl = stub.baseUrl();
        stub.close();
        final HttpGhlApi offline = new HttpGhlApi(config.withBaseUrl(deadUrl), TokenProvider.fixed(TOKEN));
        final ObjectNode body = new ObjectMapper().createObjectNode().put("locationId", LOCATION);

        final GhlApiException error = catchThrowableOfType(GhlApiException.class,
                () -> offline.searchContacts(LOCATION, body));

        assertThat(error.status()).isZero();
        assertThat(error).hasMessageContaining("POST /contacts/search");
        assertThat(offline.requestCount()).isEqualTo(4);
    }

    @Test
    void shouldStopWaitingWhenInterrupted() throws InterruptedException {
        stub.script(StubGhl.CONTACT, Reply.status(429, TOO_MANY).withHeader("Retry-After", "60"));
        final HttpGhlApi patient = new HttpGhlApi(config.withMaxBackoff(Duration.ofMinutes(1)),
                TokenProvider.fixed(TOKEN), registry);
        final AtomicReference<GhlApiException> failure = new AtomicReference<>();
        final AtomicBoolean flagKept = new AtomicBoolean();
        final Thread caller = new Thread(() -> {
            failure.set(catchThrowableOfType(GhlApiException.class, () -> patient.contact(LOCATION, CONTACT)));
            flagKept.set(Thread.currentThread().isInterrupted());
        });

        caller.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> stub.received().size() == 1);
        caller.interrupt();
        caller.join(Duration.ofSeconds(5).toMillis());

        assertThat(caller.isAlive()).isFalse();
        assertThat(failure.get().status()).isZero();
        assertThat(failure.get()).hasMessageContaining("interrupted");
        assertThat(flagKept).isTrue();
        assertThat(stub.received()).hasSize(1);
    }

    private double count(final String endpoint, final String outcome) {
        return registry.get("ghl.requests").tag("endpoint", endpoint).tag("outcome", outcome).counter().count();
    }
}
