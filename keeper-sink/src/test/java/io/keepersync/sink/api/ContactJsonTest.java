package io.keepersync.sink.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keepersync.schemas.Appointment;
import io.keepersync.schemas.CustomField;
import io.keepersync.schemas.DndSetting;
import io.keepersync.schemas.EnrichedContact;
import io.keepersync.schemas.JsonValue;
import io.keepersync.schemas.Note;
import io.keepersync.schemas.Task;
import io.keepersync.sink.TestContacts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void shouldRenderEachCustomFieldValueAsItsNativeJsonType() throws Exception {
        final EnrichedContact contact = TestContacts.builder("c1", "locA").setCustomFields(List.of(
            new CustomField("text", "Referral"),
            new CustomField("count", 3L),
            new CustomField("ratio", 0.25),
            new CustomField("flag", true),
            new CustomField("options", List.of("option_a", "option_c")),
            new CustomField("upload", new JsonValue("{\"f1\":{\"url\":\"https://example.com/a.pdf\"}}")),
            new CustomField("empty", null))).build();

        final JsonNode fields = ContactJson.toJson(contact).get("customFields");

        assertThat(fields).isEqualTo(MAPPER.readTree("""
            [{"id":"text","value":"Referral"},
             {"id":"count","value":3},
             {"id":"ratio","value":0.25},
             {"id":"flag","value":true},
             {"id":"options","value":["option_a","option_c"]},
             {"id":"upload","value":{"f1":{"url":"https://example.com/a.pdf"}}},
             {"id":"empty"}]"""));
    }

    @Test
    void shouldOmitFieldsWithoutAValue() {
        final EnrichedContact contact = EnrichedContact.newBuilder()
            .setId("c1").setLocationId("locA").setSyncedAt(TestContacts.SYNCED_AT).build();

        final ObjectNode json = ContactJson.toJson(contact);

        assertThat(json.properties()).noneMatch(field -> field.getValue().isNull());
        assertThat(json.has("firstName")).isFalse();
        assertThat(json.has("dnd")).isFalse();
        assertThat(json.has("dateAdded")).isFalse();
        assertThat(json.get("tags").isArray()).isTrue();
    }

    @Test
    void shouldWriteInstantsAsUtcWithMilliseconds() {
        final EnrichedContact contact = TestContacts.builder("c1", "locA")
            .setDateAdded(Instant.parse("2026-03-02T15:04:10.981Z"))
            .setDateUpdated(Instant.parse("2026-03-03T11:47:29Z"))
            .build();

        final ObjectNode json = ContactJson.toJson(contact);

        assertThat(json.get("dateAdded").asText()).isEqualTo("2026-03-02T15:04:10.981Z");
        assertThat(json.get("dateUpdated").asText()).isEqualTo("2026-03-03T11:47:29.000Z");
        assertThat(json.get("syncedAt").asText()).isEqualTo("2026-03-03T12:00:00.123Z");
    }

    @Test
    void shouldUseGhlFieldNamesAndMergeAdditionalFieldsAsJson() throws Exception {
        final EnrichedContact contact = TestContacts.builder("c1", "locA")
            .setEmail("someone@example.com")
            .setDnd(false)
            .setDndSettings(Map.of("Email", new DndSetting("active", "Updated", "103")))
            .setTags(List.of("lead", "newsletter"))
            .setAdditionalFields(Map.of(
                "emailLowerCase", "\"someone@example.com\"",
                "additionalPhones", "[{\"phone\":\"+15555550199\",\"phoneLabel\":\"work\"}]",
                "lastActivity", "null",
                "firstName", "\"must not replace the named field\""))
            .build();

        final ObjectNode json = ContactJson.toJson(contact);

        assertThat(json.get("id").asText()).isEqualTo("c1");
        assertThat(json.get("locationId").asText()).isEqualTo("locA");
        assertThat(json.get("firstName").asText()).isEqualTo("Test");
        assertThat(json.get("dnd").isBoolean()).isTrue();
        assertThat(json.get("dndSettings")).isEqualTo(
            MAPPER.readTree("{\"Email\":{\"status\":\"active\",\"message\":\"Updated\",\"code\":\"103\"}}"));
        assertThat(json.get("tags")).isEqualTo(MAPPER.readTree("[\"lead\",\"newsletter\"]"));
        assertThat(json.get("emailLowerCase").asText()).isEqualTo("someone@example.com");
        assertThat(json.get("additionalPhones").get(0).get("phoneLabel").asText()).isEqualTo("work");
        assertThat(json.has("lastActivity")).isFalse();
    }

    @Test
    void shouldRenderTasksNotesAndAppointments() throws Exception {
        final EnrichedContact contact = TestContacts.builder("c1", "locA")
            .setTasks(List.of(Task.newBuilder().setId("t1").setTitle("Call back").setCompleted(true)
                .setDueDate(Instant.parse("2026-03-06T17:00:00Z")).setContactId("c1").build()))
            .setNotes(List.of(Note.newBuilder().setId("n1").setBody("Left voicemail").setPinned(false)
                .setDateAdded(Instant.parse("2026-03-03T12:00:05.412Z")).build()))
            .setAppointments(List.of(Appointment.newBuilder().setId("a1").setCalendarId("cal1")
                .setStartTime(Instant.parse("2026-03-10T15:00:00Z")).setUsers(List.of("u1")).build()))
            .build();

        final ObjectNode json = ContactJson.toJson(contact);

        assertThat(json.get("tasks")).isEqualTo(MAPPER.readTree("""
            [{"id":"t1","title":"Call back","dueDate":"2026-03-06T17:00:00.000Z","completed":true,
              "contactId":"c1"}]"""));
        assertThat(json.get("notes")).isEqualTo(MAPPER.readTree("""
            [{"id":"n1","body":"Left voicemail","dateAdded":"2026-03-03T12:00:05.412Z","pinned":false}]"""));
        assertThat(json.get("appointments")).isEqualTo(MAPPER.readTree("""
            [{"id":"a1","calendarId":"cal1","startTime":"2026-03-10T15:00:00.000Z","users":["u1"]}]"""));
    }
}
