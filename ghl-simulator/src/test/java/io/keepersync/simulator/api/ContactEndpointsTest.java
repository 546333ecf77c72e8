package io.keepersync.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.keepersync.simulator.GhlSimulator;
import io.keepersync.simulator.SimulatorConfig;
import io.keepersync.simulator.support.ApiCalls;
import io.keepersync.simulator.support.ApiCalls.Reply;
import io.keepersync.simulator.support.GhlExamples;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ContactEndpointsTest {

    private static GhlSimulator simulator;
    private static ApiCalls api;
    private static String contactId;
    private static String taskId;
    private static String noteId;
    private static String appointmentId;

    @BeforeAll
    static void startSimulator() {
        simulator = GhlSimulator.start(SimulatorConfig.defaults().withoutLatency());
        api = new ApiCalls(simulator);
        simulator.seedContacts(simulator.locationIds().get(0), 10);
        contactId = simulator.createContact(simulator.locationIds().get(0));
        taskId = simulator.createTask(contactId);
        simulator.createTask(contactId);
        noteId = simulator.createNote(contactId);
        simulator.createNote(contactId);
        appointmentId = simulator.createAppointment(contactId);
        simulator.createAppointment(contactId);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Test
    void shouldServeAContactInTheShapeOfTheExample() {
        final Reply reply = api.get("/contacts/" + contactId);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(GhlExamples.fieldNames(reply.body())).containsExactly("contact");
        assertThat(GhlExamples.fieldNames(reply.body().get("contact"))).containsExactlyElementsOf(
                GhlExamples.fieldNames(GhlExamples.read("get-contact.json").get("contact")));
        assertThat(reply.body().get("contact")).isEqualTo(simulator.truthOf(contactId).orElseThrow().get("contact"));
    }

    @Test
    void shouldServeTasksAndOneTaskInTheShapeOfTheExamples() {
        final Reply list = api.get("/contacts/" + contactId + "/tasks");
        final Reply one = api.get("/contacts/" + contactId + "/tasks/" + taskId);

        assertThat(list.body().get("tasks")).hasSize(2).allSatisfy(task -> assertThat(GhlExamples.fieldNames(task))
                .containsExactlyElementsOf(exampleFields("get-contact-tasks.json", "/tasks/0")));
        assertThat(GhlExamples.fieldNames(one.body().get("task")))
                .containsExactlyElementsOf(exampleFields("get-contact-task.json", "/task"));
        assertThat(one.body().at("/task/contactId").asText()).isEqualTo(contactId);
        assertThat(list.body().get("tasks")).isEqualTo(simulator.truthOf(contactId).orElseThrow().get("tasks"));
    }

    @Test
    void shouldServeNotesNewestFirstAndOneNoteInTheShapeOfTheExamples() {
        final Reply list = api.get("/contacts/" + contactId + "/notes");
        final Reply one = api.get("/contacts/" + contactId + "/notes/" + noteId);

        final JsonNode notes = list.body().get("notes");
        assertThat(notes).hasSize(2).allSatisfy(note -> assertThat(GhlExamples.fieldNames(note))
                .containsExactlyElementsOf(exampleFields("get-contact-note.json", "/note")));
        assertThat(notes.get(0).get("dateAdded").asText()).isGreaterThan(notes.get(1).get("dateAdded").asText());
        assertThat(one.body().at("/note/id").asText()).isEqualTo(noteId);
    }

    @Test
    void shouldServeContactAppointmentsAsLocalTimesWithoutOffset() {
        final Reply reply = api.get("/contacts/" + contactId + "/appointments");

        final JsonNode events = reply.body().get("events");
        assertThat(events).hasSize(2).allSatisfy(event -> {
            assertThat(GhlExamples.fieldNames(event))
                    .containsExactlyElementsOf(exampleFields("get-contact-appointments.json", "/events/0"));
            assertThat(event.get("startTime").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
            assertThat(event.get("dateAdded").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        });
        assertThat(events).isEqualTo(simulator.truthOf(contactId).orElseThrow().get("events"));
    }

    @Test
    void shouldServeTheCalendarEventWithOffsetTimesThatMatchTheLocalList() {
        final Reply event = api.get("/calendars/events/appointments/" + appointmentId,
                api.defaults(ApiCalls.CALENDARS_VERSION));
        final JsonNode listed = findEvent(api.get("/contacts/" + contactId + "/appointments").body());

        final ZoneId zone = ZoneId.of(simulator.truthOf(contactId).orElseThrow().at("/contact/timezone").asText());
        final Instant withOffset = OffsetDateTime.parse(event.body().at("/event/startTime").asText()).toInstant();
        final Instant local = LocalDateTime.parse(listed.get("startTime").asText(),
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")).atZone(zone).toInstant();
        assertThat(event.status()).isEqualTo(200);
        assertThat(event.body().at("/event/id").asText()).isEqualTo(appointmentId);
        assertThat(event.body().at("/event/startTime").asText()).matches(".*T\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d");
        assertThat(withOffset).isEqualTo(local);
    }

    @Test
    void shouldAnswer404ForUnknownAndDeletedContacts() {
        final String doomed = simulator.createContact(simulator.locationIds().get(0));
        simulator.deleteContact(doomed);

        final List<Reply> replies = List.of(api.get("/contacts/" + doomed), api.get("/contacts/AAAAAAAAAAAAAAAAAAAA"),
                api.get("/contacts/" + doomed + "/tasks"), api.get("/contacts/" + contactId + "/tasks/nope"),
                api.get("/calendars/events/appointments/nope"));

        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(GhlExamples.fieldNames(reply.body())).containsExactly("statusCode", "message");
            assertThat(reply.body().get("statusCode").asInt()).isEqualTo(404);
        });
    }

    @Test
    void shouldAddAndRemoveTagsThroughTheApi() {
        final String id = simulator.createContact(simulator.locationIds().get(0));
        final String updatedBefore = simulator.truthOf(id).orElseThrow().at("/contact/dateUpdated").asText();

        final Reply added = api.post("/contacts/" + id + "/tags", "{\"tags\":[\"webinar-2026-03\",\"VIP\"]}");
        final Reply removed = api.delete("/contacts/" + id + "/tags", "{\"tags\":[\"vip\"]}");

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.body().get("tags").toString()).contains("\"webinar-2026-03\"", "\"vip\"");
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.body().get("tags").toString()).contains("webinar-2026-03").doesNotContain("vip");
        final JsonNode contact = simulator.truthOf(id).orElseThrow().get("contact");
        assertThat(contact.get("tags")).isEqualTo(removed.body().get("tags"));
        assertThat(contact.get("dateUpdated").asText()).isGreaterThan(updatedBefore);
    }

    @Test
    void shouldRefuseTagChangesWithoutATagList() {
        final Reply reply = api.post("/contacts/" + contactId + "/tags", "{\"tag\":\"vip\"}");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.body().get("message").isArray()).isTrue();
    }

    private static JsonNode findEvent(final JsonNode events) {
        for (final JsonNode event : events.get("events")) {
            if (event.get("id").asText().equals(appointmentId)) {
                return event;
            }
        }
        throw new AssertionError("appointment not listed");
    }

    private static List<String> exampleFields(final String file, final String pointer) {
        return GhlExamples.fieldNames(GhlExamples.read(file).at(pointer));
    }
}
