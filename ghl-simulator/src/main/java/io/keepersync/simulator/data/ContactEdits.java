package io.keepersync.simulator.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Changes to a contact document. Contacts are copy-on-write: every change returns a new document, so a
 * document once published is never modified and can be read without the world's lock.
 */
public final class ContactEdits {

    /** Fields a change may set; the rest are derived or owned by GHL. */
    public static final Set<String> WRITABLE = Set.of("firstName", "lastName", "email", "phone", "companyName",
            "timezone", "dnd", "dndSettings", "type", "source", "assignedTo", "address1", "city", "state",
            "country", "postalCode", "website", "tags", "dateOfBirth", "customFields");

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ContactEdits() {
    }

    /**
     * A copy of {@code contact} with {@code changes} applied, derived fields recomputed and
     * {@code dateUpdated} (and {@code lastActivity}) set to {@code now}. {@code customFields} in the
     * changes are merged by id in the read shape {@code [{id, value}]}; a null value removes the field.
     *
     * @throws IllegalArgumentException when {@code changes} names a field outside {@link #WRITABLE}
     */
    public static ObjectNode applied(final ObjectNode contact, final ObjectNode changes, final Instant now) {
        final ObjectNode copy = contact.deepCopy();
        for (final Map.Entry<String, JsonNode> change : changes.properties()) {
            if (!WRITABLE.contains(change.getKey())) {
                throw new IllegalArgumentException("contact field cannot be changed: " + change.getKey());
            }
            if ("customFields".equals(change.getKey())) {
                mergeCustomFields((ArrayNode) copy.get("customFields"), change.getValue());
            } else {
                copy.set(change.getKey(), change.getValue().deepCopy());
            }
        }
        refreshDerived(copy);
        copy.put("dateUpdated", GhlTime.utcMillis(now));
        copy.put("lastActivity", GhlTime.utcMillis(now));
        return copy;
    }

    /** One to three plausible edits a CRM user might make, as a change document for {@link #applied}. */
    public static ObjectNode randomChanges(final ObjectNode contact, final LocationProfile location,
                                           final SeededRandom random) {
        final ObjectNode changes = JSON.objectNode();
        final int count = random.between(1, 3);
        for (int i = 0; i < count; i++) {
            addRandomChange(changes, contact, location, random);
        }
        return changes;
    }

    /** The tag list after adding and removing tags (lower-cased, as GHL stores them), in stable order. */
    public static ArrayNode tagsAfter(final ObjectNode contact, final List<String> add, final List<String> remove) {
        final ArrayNode tags = JSON.arrayNode();
        final Set<String> removed = lowerCased(remove);
        contact.path("tags").forEach(tag -> keepTag(tags, tag.asText(), removed));
        add.forEach(tag -> keepTag(tags, tag.toLowerCase(Locale.ROOT), removed));
        return tags;
    }

    /** Recomputes {@code name} and the lower-case search fields from the name and e-mail fields. */
    static void refreshDerived(final ObjectNode contact) {
        final String first = contact.path("firstName").textValue();
        final String last = contact.path("lastName").textValue();
        final String full = String.join(" ", first == null ? "" : first, last == null ? "" : last).trim();
        final String email = contact.path("email").textValue();
        contact.put("name", full.isEmpty() ? null : full);
        contact.put("emailLowerCase", email == null ? null : email.toLowerCase(Locale.ROOT));
        contact.put("firstNameLowerCase", first == null ? null : first.toLowerCase(Locale.ROOT));
        contact.put("fullNameLowerCase", full.isEmpty() ? null : full.toLowerCase(Locale.ROOT));
        contact.put("lastNameLowerCase", last == null ? null : last.toLowerCase(Locale.ROOT));
    }

    private static void addRandomChange(final ObjectNode changes, final ObjectNode contact,
                                        final LocationProfile location, final SeededRandom random) {
        switch (random.between(0, 8)) {
            case 0 -> move(changes, random);
            case 1 -> changes.put("companyName", random.pick(FakeValues.COMPANIES) + " (" + random.pick(
                    List.of("West", "East", "North", "South")) + ")");
            case 2 -> changes.put("phone", FakeValues.phone(random));
            case 3 -> changes.put("email", contact.path("firstName").asText("x").toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z]", "") + ".new." + random.between(1, 99_999) + "@example.com");
            case 4 -> changes.put("assignedTo", random.pick(location.userIds()));
            case 5 -> changes.put("type", random.chance(0.5) ? "customer" : "lead");
            case 6 -> changes.put("lastName", random.pick(FakeValues.LAST_NAMES));
            case 7 -> changes.put("timezone", random.pick(FakeValues.PLACES).get(4));
            default -> changeCustomField(changes, location, random);
        }
    }

    private static void move(final ObjectNode changes, final SeededRandom random) {
        final List<String> place = random.pick(FakeValues.PLACES);
        changes.put("address1", random.between(1, 999) + " Sample Street");
        changes.put("city", place.get(0));
        changes.put("state", place.get(1));
        changes.put("postalCode", place.get(2));
        changes.put("country", place.get(3));
        changes.put("timezone", place.get(4));
    }

    private static void changeCustomField(final ObjectNode changes, final LocationProfile location,
                                          final SeededRandom random) {
        final CustomFieldDef def = random.pick(location.customFields());
        final JsonNode value = random.chance(0.1)
                ? JSON.nullNode()
                : CustomValues.valueFor(def, location.locationId(), random);
        changes.withArrayProperty("customFields").add(CustomValues.field(def.id(), value));
    }

    private static void mergeCustomFields(final ArrayNode current, final JsonNode changed) {
        for (final JsonNode field : changed) {
            final String id = field.path("id").asText();
            final JsonNode value = field.path("value");
            final boolean clear = value.isNull() || value.isMissingNode();
            final int index = indexOfField(current, id);
            if (index >= 0 && clear) {
                current.remove(index);
            } else if (index >= 0) {
                current.set(index, CustomValues.field(id, value.deepCopy()));
            } else if (!clear) {
                current.add(CustomValues.field(id, value.deepCopy()));
            }
        }
    }

    private static int indexOfField(final ArrayNode fields, final String id) {
        for (int i = 0; i < fields.size(); i++) {
            if (id.equals(fields.get(i).path("id").asText())) {
                return i;
            }
        }
        return -1;
    }

    private static void keepTag(final ArrayNode tags, final String tag, final Set<String> removed) {
        if (!removed.contains(tag) && indexOf(tags, tag) < 0) {
            tags.add(tag);
        }
    }

    private static int indexOf(final ArrayNode values, final String text) {
        for (int i = 0; i < values.size(); i++) {
            if (text.equals(values.get(i).asText())) {
                return i;
            }
        }
        return -1;
    }

    private static Set<String> lowerCased(final List<String> values) {
        return Set.copyOf(values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList());
    }
}
