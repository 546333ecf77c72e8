package io.keepersync.enrich.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keepersync.schemas.CustomField;
import io.keepersync.schemas.EnrichedContact;
import io.keepersync.schemas.JsonValue;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContactMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldMapTheContractsContactAndKeepFieldsTheSchemaDoesNotName() throws Exception {
        final ObjectNode contact = (ObjectNode) JSON.readTree(
            Path.of(System.getProperty("ghl.examples.dir"), "get-contact.json").toFile()).get("contact");
        final EnrichedContact.Builder record = EnrichedContact.newBuilder().setSyncedAt(Instant.EPOCH);

        ContactMapper.applyContact(record, contact);

        final EnrichedContact mapped = record.build();
        assertThat(mapped.getTimezone()).isEqualTo("America/Chicago");
        assertThat(mapped.getDateUpdated()).isEqualTo(Instant.parse("2026-03-03T11:47:29.512Z"));
        assertThat(mapped.getDndSettings().get("Email").getStatus()).isEqualTo("active");
        assertThat(mapped.getTags()).containsExactly("lead", "newsletter");
        assertThat(mapped.getAdditionalFields()).containsKeys("additionalPhones", "attributionSource", "createdBy");
        assertThat(mapped.getCustomFields()).extracting(CustomField::getValue)
            .containsExactly("Referral from trade show", 3L, List.of("option_a", "option_c"));
    }

    @Test
    void shouldKeepCustomFieldValuesOfEveryJsonType() throws Exception {
        final ObjectNode contact = (ObjectNode) JSON.readTree("""
            {"id":"c","locationId":"l","customFields":[
              {"id":"a","value":"x"},{"id":"b","value":3},{"id":"c","value":["p","q"]},
              {"id":"d","value":{"f3":{"url":"https://example.com/f"}}},{"id":"e","value":1.5},
              {"id":"f","value":true},{"id":"g","value":null},{"id":"h","value":[1,"two"]}]}""");
        final EnrichedContact.Builder record = EnrichedContact.newBuilder().setSyncedAt(Instant.EPOCH);

        ContactMapper.applyContact(record, contact);

        assertThat(record.build().getCustomFields()).extracting(CustomField::getValue).containsExactly(
            "x", 3L, List.of("p", "q"), new JsonValue("{\"f3\":{\"url\":\"https://example.com/f\"}}"), 1.5, true,
            null, new JsonValue("[1,\"two\"]"));
    }

    @Test
    void shouldNeitherNeedNorLoseAttachments() throws Exception {
        final EnrichedContact.Builder without = EnrichedContact.newBuilder().setSyncedAt(Instant.EPOCH);
        final EnrichedContact.Builder with = EnrichedContact.newBuilder().setSyncedAt(Instant.EPOCH);

        ContactMapper.applyContact(without, (ObjectNode) JSON.readTree("{\"id\":\"c\",\"locationId\":\"l\"}"));
        ContactMapper.applyContact(with, (ObjectNode) JSON.readTree(
            "{\"id\":\"c\",\"locationId\":\"l\",\"attachments\":[\"a.pdf\"]}"));

        assertThat(without.build().getAdditionalFields()).doesNotContainKey("attachments");
        assertThat(with.build().getAdditionalFields()).containsEntry("attachments", "[\"a.pdf\"]");
    }

    @Test
    void shouldTolerateExtraDndChannels() throws Exception {
        final ObjectNode contact = (ObjectNode) JSON.readTree(
            "{\"id\":\"c\",\"locationId\":\"l\",\"dndSettings\":{\"RCS\":{\"status\":\"inactive\"}}}");
        final EnrichedContact.Builder record = EnrichedContact.newBuilder().setSyncedAt(Instant.EPOCH);

        ContactMapper.applyContact(record, contact);

        assertThat(record.build().getDndSettings().get("RCS").getStatus()).isEqualTo("inactive");
    }
}
