package io.keepersync.simulator.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Random custom field values in the read shape GHL serves: string, number, string list or upload object. */
final class CustomValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CustomValues() {
    }

    /** The contact's {@code customFields} array: a random subset of the location's fields with values. */
    static ArrayNode randomFields(final LocationProfile location, final SeededRandom random) {
        final ArrayNode fields = JSON.arrayNode();
        for (final CustomFieldDef def : location.customFields()) {
            if (random.chance(0.7)) {
                fields.add(field(def.id(), valueFor(def, location.locationId(), random)));
            }
        }
        return fields;
    }

    static ObjectNode field(final String id, final JsonNode value) {
        final ObjectNode field = JSON.objectNode();
        field.put("id", id);
        field.set("value", value);
        return field;
    }

    static JsonNode valueFor(final CustomFieldDef def, final String locationId, final SeededRandom random) {
        return switch (def.kind()) {
            case TEXT -> JSON.textNode(random.pick(FakeValues.REFERRALS));
            case NUMBER -> JSON.numberNode(random.between(1, 50));
            case MONETARY -> JSON.numberNode(random.between(100, 999_999) / 100.0);
            case CHECKBOX -> interests(random);
            case FILE_UPLOAD -> upload(def.id(), locationId, random);
        };
    }

    private static ArrayNode interests(final SeededRandom random) {
        final List<String> pool = new ArrayList<>(FakeValues.INTERESTS);
        final ArrayNode values = JSON.arrayNode();
        final int count = random.between(1, 3);
        for (int i = 0; i < count; i++) {
            values.add(pool.remove(random.between(0, pool.size() - 1)));
        }
        return values;
    }

    private static ObjectNode upload(final String fieldId, final String locationId, final SeededRandom random) {
        final String uuid = random.uuid();
        final String fileName = "signed-form-" + random.between(100, 999) + ".pdf";
        final ObjectNode meta = JSON.objectNode();
        meta.put("fieldname", fieldId);
        meta.put("originalname", fileName);
        meta.put("encoding", "7bit");
        meta.put("mimetype", "application/pdf");
        meta.put("size", random.between(10_000, 900_000));
        meta.put("uuid", uuid);
        final ObjectNode file = JSON.objectNode();
        file.set("meta", meta);
        file.put("url", "https://files.example.com/" + locationId + "/" + uuid + ".pdf");
        file.put("documentId", random.id());
        final ObjectNode upload = JSON.objectNode();
        upload.set(uuid, file);
        return upload;
    }
}
