package io.keepersync.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.keepersync.simulator.GhlSimulator;
import io.keepersync.simulator.SimulatorConfig;
import io.keepersync.simulator.support.ApiCalls;
import io.keepersync.simulator.support.ApiCalls.Reply;
import io.keepersync.simulator.support.GhlExamples;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RequestChecksTest {

    private static GhlSimulator simulator;
    private static ApiCalls api;
    private static String contactPath;

    @BeforeAll
    static void startSimulator() {
        simulator = GhlSimulator.start(SimulatorConfig.defaults().withoutLatency().withAccessToken("pit-test-token"));
        api = new ApiCalls(simulator.baseUrl(), "pit-test-token");
        contactPath = "/contacts/" + simulator.seedContacts(simulator.locationIds().get(0), 1).get(0);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Test
    void shouldAnswer401WhenTheVersionHeaderIsMissing() {
        final Reply reply = api.get(contactPath, Map.of("Authorization", "Bearer pit-test-token"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body()).isEqualTo(GhlExamples.read("error-401-missing-version.json"));
    }

    @Test
    void shouldAnswer401WhenTheVersionIsUnknown() {
        final Reply reply = api.get(contactPath, Map.of("Authorization", "Bearer pit-test-token",
                "Version", "2020-01-01"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body().get("message").asText()).isEqualTo("version header is invalid");
    }

    @Test
    void shouldAcceptEveryVersionGhlAccepts() {
        for (final String version : new String[] {"2021-07-28", "2021-04-15", "2023-02-21", "v3"}) {

            final Reply reply = api.get(contactPath, api.defaults(version));

            assertThat(reply.status()).as(version).isEqualTo(200);
        }
    }

    @Test
    void shouldAnswer401WithGhlsBodyForAMissingOrWrongToken() {
        final Reply missing = api.get(contactPath, Map.of("Version", ApiCalls.CONTACTS_VERSION));
        final Reply wrong = new ApiCalls(simulator.baseUrl(), "pit-other").get(contactPath);

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.body()).isEqualTo(GhlExamples.read("error-401.json"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(GhlExamples.read("error-401.json"));
    }

    @Test
    void shouldAnswer400ForABodyThatIsNotJson() {
        final Reply reply = api.post("/contacts/search", "{not json");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(GhlExamples.fieldNames(reply.body())).containsExactly("statusCode", "message");
    }
}
