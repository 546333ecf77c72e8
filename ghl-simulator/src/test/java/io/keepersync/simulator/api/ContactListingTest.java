package io.keepersync.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.keepersync.simulator.GhlSimulator;
import io.keepersync.simulator.SimulatorConfig;
import io.keepersync.simulator.support.ApiCalls;
import io.keepersync.simulator.support.ApiCalls.Reply;
import io.keepersync.simulator.support.GhlExamples;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ContactListingTest {

    private static GhlSimulator simulator;
    private static ApiCalls api;
    private static String location;

    @BeforeAll
    static void startSimulator() {
        simulator = GhlSimulator.start(SimulatorConfig.defaults().withoutLatency());
        api = new ApiCalls(simulator);
        location = simulator.locationIds().get(0);
        simulator.seedContacts(location, 7);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Test
    void shouldPageTheLegacyListWithBothCursorValues() {
        final List<String> seen = new ArrayList<>();
        String next = "/contacts/?locationId=" + location + "&limit=3";
        Reply page;

        do {
            page = api.get(next);
            page.body().get("contacts").forEach(c -> seen.add(c.get("id").asText()));
            next = nextPath(page.body().get("meta"));
        } while (next != null);

        assertThat(seen).containsExactlyElementsOf(simulator.liveContactIds());
        assertThat(page.body().at("/meta/total").asInt()).isEqualTo(seen.size());
        assertThat(page.body().at("/meta/nextPageUrl").isNull()).isTrue();
    }

    @Test
    void shouldListContactsInTheShapeOfTheExample() {
        final Reply reply = api.get("/contacts/?locationId=" + location + "&limit=2");

        final JsonNode example = GhlExamples.read("list-contacts-page1.json");
        assertThat(GhlExamples.fieldNames(reply.body())).containsExactly("contacts", "meta");
        assertThat(GhlExamples.fieldNames(reply.body().get("meta")))
                .containsExactlyElementsOf(GhlExamples.fieldNames(example.get("meta")));
        assertThat(reply.body().get("contacts")).hasSize(2).allSatisfy(item -> assertThat(GhlExamples.fieldNames(item))
                .containsExactlyElementsOf(GhlExamples.fieldNames(example.at("/contacts/0"))));
        assertThat(reply.body().at("/meta/nextPageUrl").asText()).startsWith(simulator.baseUrl() + "/contacts/?");
    }

    @Test
    void shouldNotAdvanceOnStartAfterIdAlone() {
        final Reply first = api.get("/contacts/?locationId=" + location + "&limit=2");
        final String lastId = first.body().at("/meta/startAfterId").asText();

        final Reply again = api.get("/contacts/?locationId=" + location + "&limit=2&startAfterId=" + lastId);

        assertThat(again.body().get("contacts")).isEqualTo(first.body().get("contacts"));
    }

    @Test
    void shouldRefuseAPageWithoutOrWithAForeignLocation() {
        final Reply first = api.get("/contacts/?locationId=" + location + "&limit=2");
        final JsonNode meta = first.body().get("meta");

        final Reply withoutLocation = api.get("/contacts/?limit=2&startAfter=" + meta.get("startAfter").asLong()
                + "&startAfterId=" + meta.get("startAfterId").asText());
        final Reply foreign = api.get("/contacts/?locationId=ZZZZZZZZZZZZZZZZZZZZ");

        assertThat(withoutLocation.status()).isEqualTo(403);
        assertThat(withoutLocation.body()).isEqualTo(GhlExamples.read("error-403-location.json"));
        assertThat(foreign.status()).isEqualTo(403);
    }

    @Test
    void shouldRefuseALimitAbove100() {
        final Reply reply = api.get("/contacts/?locationId=" + location + "&limit=101");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.body().get("error").asText()).isEqualTo("Unprocessable Entity");
    }

    @Test
    void shouldSearchWithPagesSortAndADateUpdatedLowerBound() {
        final List<String> ids = new ArrayList<>(simulator.liveContactIds());
        simulator.updateContact(ids.get(1));
        final String since = simulator.truthOf(ids.get(1)).orElseThrow().at("/contact/dateUpdated").asText();
        simulator.updateContact(ids.get(4));

        final Reply changed = api.post("/contacts/search", "{\"locationId\":\"" + location + "\",\"page\":1,"
                + "\"pageLimit\":10,\"filters\":[{\"field\":\"dateUpdated\",\"operator\":\"gte\",\"value\":\""
                + since + "\"}],\"sort\":[{\"field\":\"dateUpdated\",\"direction\":\"asc\"}]}");
        final Reply secondPage = api.post("/contacts/search",
                "{\"locationId\":\"" + location + "\",\"page\":2,\"pageLimit\":5}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("total").asInt()).isEqualTo(2);
        assertThat(changed.body().get("contacts")).extracting(c -> c.get("id").asText())
                .containsExactly(ids.get(1), ids.get(4));
        assertThat(GhlExamples.fieldNames(changed.body().at("/contacts/0"))).containsExactlyElementsOf(
                GhlExamples.fieldNames(GhlExamples.read("search-contacts.json").at("/contacts/0")));
        assertThat(secondPage.body().get("total").asInt()).isEqualTo(simulator.liveContactIds().size());
        assertThat(secondPage.body().get("contacts")).hasSize(simulator.liveContactIds().size() - 5);
    }

    @Test
    void shouldRefuseSearchFiltersItDoesNotSupport() {
        final Reply reply = api.post("/contacts/search", "{\"locationId\":\"" + location
                + "\",\"filters\":[{\"field\":\"city\",\"operator\":\"eq\",\"value\":\"Peoria\"}]}");

        assertThat(reply.status()).isEqualTo(422);
    }

    @Test
    void shouldFindTheContactOfATaskByTaskSearch() {
        final String contactId = simulator.createContact(location);
        final String taskId = simulator.createTask(contactId);

        final Reply reply = api.post("/locations/" + location + "/tasks/search", "{\"taskId\":\"" + taskId + "\"}");
        final Reply foreign = api.post("/locations/ZZZZZZZZZZZZZZZZZZZZ/tasks/search", "{}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("tasks")).singleElement().satisfies(task -> {
            assertThat(task.get("id").asText()).isEqualTo(taskId);
            assertThat(task.get("contactId").asText()).isEqualTo(contactId);
        });
        assertThat(foreign.status()).isEqualTo(403);
    }

    private static String nextPath(final JsonNode meta) {
        if (meta.get("nextPageUrl").isNull()) {
            return null;
        }
        return "/contacts/?locationId=" + location + "&limit=3&startAfter=" + meta.get("startAfter").asLong()
                + "&startAfterId=" + meta.get("startAfterId").asText();
    }
}
