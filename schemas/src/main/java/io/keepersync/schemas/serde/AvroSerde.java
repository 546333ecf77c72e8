package io.keepersync.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for a generated Avro class in the Confluent wire format: a zero magic byte, the
 * writer schema's 4-byte id, then the Avro binary encoding. A null value stays null (a tombstone).
 *
 * <p>Readers resolve the writer schema by id through the {@link EmbeddedSchemaRegistry}, so records
 * written with an older compatible schema still decode into the current class. Thread-safe.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private static final byte MAGIC_BYTE = 0;
    private static final int HEADER_SIZE = 5;

    static {
        TrustedPackages.allowProjectClasses();
    }

    private final Class<T> type;
    private final Schema readerSchema;
    private final SpecificData model;
    private final int writerSchemaId;
    private final EmbeddedSchemaRegistry registry;
    private final Map<Integer, DatumReader<T>> readersBySchemaId = new ConcurrentHashMap<>();

    private AvroSerde(final Class<T> type, final EmbeddedSchemaRegistry registry) {
        this.type = type;
        this.model = PlainListModel.copyOf(SpecificData.getForClass(type));
        this.readerSchema = model.getSchema(type);
        this.registry = registry;
        this.writerSchemaId = registry.register(readerSchema);
    }

    /** A serde for this generated class, backed by the shared registry. */
    public static <T extends SpecificRecord> AvroSerde<T> of(final Class<T> type) {
        return new AvroSerde<>(type, EmbeddedSchemaRegistry.shared());
    }

    @Override
    public byte[] serialize(final String topic, final T value) {
        if (value == null) {
            return null;
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(MAGIC_BYTE);
        out.writeBytes(ByteBuffer.allocate(4).putInt(writerSchemaId).array());
        final BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            new SpecificDatumWriter<T>(readerSchema, model).write(value, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot encode " + type.getSimpleName() + " for topic " + topic, e);
        }
        return out.toByteArray();
    }

    @Override
    public T deserialize(final String topic, final byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < HEADER_SIZE || data[0] != MAGIC_BYTE) {
            throw new SerializationException("record on topic " + topic
                + " is not in the Confluent Avro wire format (missing magic byte or schema id)");
        }
        final int schemaId = ByteBuffer.wrap(data, 1, 4).getInt();
        final BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, HEADER_SIZE, data.length - HEADER_SIZE, null);
        try {
            return readerFor(schemaId).read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot decode " + type.getSimpleName() + " with schema id "
                + schemaId + " from topic " + topic, e);
        }
    }

    private DatumReader<T> readerFor(final int schemaId) {
        return readersBySchemaId.computeIfAbsent(schemaId,
            id -> new SpecificDatumReader<>(registry.schema(id), readerSchema, model));
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void configure(final Map<String, ?> configs, final boolean isKey) {
        // Nothing to configure: the registry is in-process.
    }

    @Override
    public void close() {
        // Holds no resources.
    }
}
