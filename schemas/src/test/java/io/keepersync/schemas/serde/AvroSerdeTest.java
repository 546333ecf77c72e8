package io.keepersync.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keepersync.schemas.Appointment;
import io.keepersync.schemas.CustomField;
import io.keepersync.schemas.DndSetting;
import io.keepersync.schemas.EnrichedContact;
import io.keepersync.schemas.JsonValue;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    private final AvroSerde<EnrichedContact> serde = AvroSerde.of(EnrichedContact.class);

    @Test
    void shouldRoundTripAnEnrichedContactWithEveryKindOfCustomFieldValue() {
        final EnrichedContact contact = sampleContact();

        final byte[] bytes = serde.serialize("t", contact);

        assertThat(serde.deserialize("t", bytes)).isEqualTo(contact);
    }

    @Test
    void shouldWriteTheConfluentWireFormatHeader() {
        final byte[] bytes = serde.serialize("t", sampleContact());

        assertThat(bytes[0]).isZero();
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt())
            .isEqualTo(EmbeddedSchemaRegistry.idOf(EnrichedContact.getClassSchema()))
            .isPositive();
    }

    @Test
    void shouldGiveTheSameSchemaTheSameIdInEveryRegistry() {
        final int first = EmbeddedSchemaRegistry.withKnownSchemas().register(EnrichedContact.getClassSchema());
        final int second = new EmbeddedSchemaRegistry().register(EnrichedContact.getClassSchema());

        assertThat(first).isEqualTo(second);
    }

    @Test
    void shouldKeepNullsAsTombstones() {
        assertThat(serde.serialize("t", null)).isNull();
        assertThat(serde.deserialize("t", null)).isNull();
    }

    @Test
    void shouldRefuseBytesWithoutTheWireFormatHeader() {
        assertThatThrownBy(() -> serde.deserialize("t", new byte[] {1, 2, 3}))
            .isInstanceOf(SerializationException.class)
            .hasMessageContaining("wire format");
    }

    @Test
    void shouldRefuseAnUnknownSchemaId() {
        final byte[] bytes = serde.serialize("t", sampleContact());
        ByteBuffer.wrap(bytes).putInt(1, 12345);

        assertThatThrownBy(() -> serde.deserialize("t", bytes))
            .isInstanceOf(SerializationException.class)
            .hasRootCauseMessage("no schema with id 12345 is registered; was the record written by a newer version?");
    }

    private static EnrichedContact sampleContact() {
        return EnrichedContact.newBuilder()
            .setId("cV9Xos78cGC2IymrARjg")
            .setLocationId("8qN83ajhKeWpYcKzqIp1")
            .setFirstName("Jordan")
            .setDndSettings(Map.of("Email", new DndSetting("active", "", "103")))
            .setTags(List.of("lead", "newsletter"))
            .setDateAdded(Instant.parse("2026-03-02T15:04:10.981Z"))
            .setCustomFields(List.of(
                new CustomField("a", "text"),
                new CustomField("b", 3L),
                new CustomField("c", 2.5),
                new CustomField("d", List.of("p", "q")),
                new CustomField("e", new JsonValue("{\"f3\":{\"url\":\"https://example.com/f\"}}"))))
            .setAppointments(List.of(Appointment.newBuilder()
                .setId("41SpqQZg2cL2UGM9KtPj")
                .setStartTime(Instant.parse("2026-03-10T15:00:00Z"))
                .build()))
            .setSyncedAt(Instant.parse("2026-03-03T00:00:00Z"))
            .build();
    }
}
