package io.keepersync.ghl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keepersync.ghl.StubGhl.Received;
import io.keepersync.ghl.StubGhl.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Successful reads against a stub GHL serving the shared example payloads. */
class HttpGhlApiReadTest {

    private static final String LOCATION = "8qN83ajhKeWpYcKzqIp1";
    private static final String CONTACT = "cV9Xos78cGC2IymrARjg";
    private static final String TOKEN = "pit-3f1c2a9e-0b7d-4c55-9e61-7a2f4d8b1c0e";

    private final ObjectMapper mapper = new ObjectMapper();
    private StubGhl stub;
    private HttpGhlApi api;

    @BeforeEach
    void startStub() {
        stub = StubGhl.start();
        final GhlClientConfig config = GhlClientConfig.defaults()
                .withBaseUrl(stub.baseUrl() + "/")
                .withInitialBackoff(Duration.ofMillis(1))
                .withMaxBackoff(Duration.ofMillis(5));
        api = new HttpGhlApi(config, TokenProvider.fixed(TOKEN));
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void shouldUnwrapContactAndSendContractHeaders() {
        stub.script(StubGhl.CONTACT, Reply.ok(GhlExamples.read("get-contact.json")));

        final Optional<ObjectNode> contact = api.contact(LOCATION, CONTACT);

        assertThat(contact).get().satisfies(c -> {
            assertThat(c.path("id").asText()).isEqualTo(CONTACT);
            assertThat(c.path("customFields")).hasSize(3);
            assertThat(c.has("createdBy")).isTrue();
        });
        final Received request = stub.received().get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/contacts/" + CONTACT);
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.header("Version")).isEqualTo("2021-07-28");
        assertThat(request.header("Accept")).isEqualTo("application/json");
    }

    @Test
    void shouldUnwrapTasksNotesAndAppointments() {
        stub.script(StubGhl.TASKS, Reply.ok(GhlExamples.read("get-contact-tasks.json")))
                .script(StubGhl.NOTES, Reply.ok(GhlExamples.read("get-contact-notes.json")))
                .script(StubGhl.APPOINTMENTS, Reply.ok(GhlExamples.read("get-contact-appointments.json")));

        final List<ObjectNode> tasks = api.tasks(LOCATION, CONTACT);
        final List<ObjectNode> notes = api.notes(LOCATION, CONTACT);
        final List<ObjectNode> events = api.appointments(LOCATION, CONTACT);

        assertThat(tasks).extracting(t -> t.path("id").asText())
                .containsExactly("LseOtJnlWlihbzdV8T2f", "tycl6ZaxSp6aF7Ez5op3");
        assertThat(notes).extracting(n -> n.path("id").asText())
                .containsExactly("XnvdRy6hR1XQatDmHYvT", "PaoezgXJGcm0c6IsIqQY");
        assertThat(events).extracting(e -> e.path("startTime").asText())
                .containsExactly("2026-03-10 10:00:00", "2026-03-17 14:00:00");
        assertThat(stub.received()).extracting(Received::path).containsExactly(
                "/contacts/" + CONTACT + "/tasks", "/contacts/" + CONTACT + "/notes",
                "/contacts/" + CONTACT + "/appointments");
        assertThat(stub.received()).allSatisfy(r -> assertThat(r.header("Version")).isEqualTo("2021-07-28"));
    }

    @Test
    void shouldTreatMissingListAsEmpty() {
        stub.script(StubGhl.NOTES, Reply.ok("{}"));

        final List<ObjectNode> notes = api.notes(LOCATION, CONTACT);

        assertThat(notes).isEmpty();
    }

    @Test
    void shouldPostSearchBodyAndReturnWholeAnswer() throws Exception {
        stub.script(StubGhl.SEARCH_CONTACTS, Reply.ok(GhlExamples.read("search-contacts.json")));
        final ObjectNode body = (ObjectNode) mapper.readTree(GhlExamples.read("search-contacts-request.json"));

        final JsonNode answer = api.searchContacts(LOCATION, body);

        assertThat(answer.path("total").asInt()).isEqualTo(1);
        assertThat(answer.path("contacts").get(0).path("id").asText()).isEqualTo(CONTACT);
        final Received request = stub.received().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(request.header("Version")).isEqualTo("2021-07-28");
        assertThat(mapper.readTree(request.body())).isEqualTo(body);
    }

    @Test
    void shouldFindContactOfTask() throws Exception {
        stub.script(StubGhl.SEARCH_TASKS, Reply.ok(GhlExamples.read("get-contact-tasks.json")));

        final Optional<String> contactId = api.contactOfTask(LOCATION, "tycl6ZaxSp6aF7Ez5op3");

        assertThat(contactId).contains(CONTACT);
        final Received request = stub.received().get(0);
        assertThat(request.path()).isEqualTo("/locations/" + LOCATION + "/tasks/search");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.header("Version")).isEqualTo("2021-07-28");
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(mapper.readTree(request.body()))
                .isEqualTo(mapper.createObjectNode().put("taskId", "tycl6ZaxSp6aF7Ez5op3"));
    }

    @Test
    void shouldReturnNoContactForUnknownTask() {
        stub.script(StubGhl.SEARCH_TASKS, Reply.ok(GhlExamples.read("get-contact-tasks.json")),
                Reply.ok("{\"tasks\":[]}"));

        final Optional<String> notListed = api.contactOfTask(LOCATION, "zzzzzzzzzzzzzzzzzzzz");
        final Optional<String> noTasks = api.contactOfTask(LOCATION, "LseOtJnlWlihbzdV8T2f");

        assertThat(notListed).isEmpty();
        assertThat(noTasks).isEmpty();
    }

    @Test
    void shouldReturnEmptyWhenContactIsGone() {
        stub.script(StubGhl.CONTACT,
                Reply.status(404, "{\"statusCode\":404,\"message\":\"Not Found\"}"),
                Reply.status(400, "{\"statusCode\":400,\"message\":\"Contact not found\"}"),
                Reply.status(422, "{\"statusCode\":422,\"message\":[\"The contact has been deleted\"]}"));

        final Optional<ObjectNode> on404 = api.contact(LOCATION, CONTACT);
        final Optional<ObjectNode> on400 = api.contact(LOCATION, CONTACT);
        final Optional<ObjectNode> on422 = api.contact(LOCATION, CONTACT);

        assertThat(on404).isEmpty();
        assertThat(on400).isEmpty();
        assertThat(on422).isEmpty();
        assertThat(api.requestCount()).isEqualTo(3);
    }

    @Test
    void shouldEncodePathSegments() {
        stub.script(StubGhl.CONTACT, Reply.ok(GhlExamples.read("get-contact.json")));

        api.contact(LOCATION, "id with space");

        assertThat(stub.received().get(0).path()).isEqualTo("/contacts/id%20with%20space");
    }
}
