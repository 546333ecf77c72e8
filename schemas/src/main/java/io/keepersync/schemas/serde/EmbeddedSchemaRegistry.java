package io.keepersync.schemas.serde;

import io.keepersync.schemas.ContactEvent;
import io.keepersync.schemas.EnrichedContact;
import io.keepersync.schemas.PendingRefresh;
import io.keepersync.schemas.QuarantinedEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * A schema registry that lives in the process and needs no server.
 *
 * <p>A schema's id is derived from the 64-bit fingerprint of its parsing canonical form, so every
 * process, before and after a restart, gives the same schema the same id without sharing any state.
 * Ids are positive 31-bit integers, as Confluent-compatible readers expect.
 */
public final class EmbeddedSchemaRegistry {

    private static final EmbeddedSchemaRegistry SHARED = withKnownSchemas();

    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    /** The registry holding every schema this project writes. Thread-safe. */
    public static EmbeddedSchemaRegistry shared() {
        return SHARED;
    }

    static EmbeddedSchemaRegistry withKnownSchemas() {
        final EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry();
        registry.register(ContactEvent.getClassSchema());
        registry.register(QuarantinedEvent.getClassSchema());
        registry.register(EnrichedContact.getClassSchema());
        registry.register(PendingRefresh.getClassSchema());
        return registry;
    }

    /** The id this schema has in every process. */
    public static int idOf(final Schema schema) {
        return (int) (SchemaNormalization.parsingFingerprint64(schema) & 0x7fff_ffffL);
    }

    /**
     * Registers a schema and returns its id.
     *
     * @throws IllegalStateException if a different schema already holds the same id
     */
    public int register(final Schema schema) {
        final int id = idOf(schema);
        final Schema existing = schemasById.putIfAbsent(id, schema);
        if (existing != null && !SchemaNormalization.toParsingForm(existing).equals(SchemaNormalization.toParsingForm(schema))) {
            throw new IllegalStateException("schema id collision on id " + id + " between "
                + existing.getFullName() + " and " + schema.getFullName());
        }
        return id;
    }

    /**
     * The schema registered under this id.
     *
     * @throws UnknownSchemaException if no schema with this id is known here
     */
    public Schema schema(final int id) {
        final Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new UnknownSchemaException(id);
        }
        return schema;
    }

    /** Thrown when a record names a schema id this registry has never seen. */
    public static final class UnknownSchemaException extends RuntimeException {
        UnknownSchemaException(final int id) {
            super("no schema with id " + id + " is registered; was the record written by a newer version?");
        }
    }
}
