package io.keepersync.simulator.data;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Builds new contacts in the exact shape of {@code GET /contacts/{id}} (examples/get-contact.json),
 * field order included. Optional fields are present with {@code null} when a contact has no value.
 */
public final class ContactFactory {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ContactFactory() {
    }

    /** A new random contact of {@code location}, added and updated at {@code now}. */
    public static ObjectNode newContact(final String id, final LocationProfile location, final Instant now,
                                        final SeededRandom random) {
        final String firstName = random.pick(FakeValues.FIRST_NAMES);
        final String lastName = random.pick(FakeValues.LAST_NAMES);
        final List<String> place = random.pick(FakeValues.PLACES);
        final boolean hasAddress = random.chance(0.8);
        final String dateAdded = GhlTime.utcMillis(now);

        final ObjectNode contact = JSON.objectNode();
        contact.put("id", id);
        contact.putNull("name");
        contact.put("locationId", location.locationId());
        contact.put("firstName", firstName);
        contact.put("lastName", lastName);
        contact.put("email", email(firstName, lastName, random));
        contact.putNull("emailLowerCase");
        contact.put("timezone", place.get(4));
        contact.put("companyName", random.chance(0.7) ? random.pick(FakeValues.COMPANIES) : null);
        contact.put("phone", FakeValues.phone(random));
        contact.put("dnd", false);
        contact.set("dndSettings", dndSettings(now, random));
        contact.put("type", random.chance(0.8) ? "lead" : "customer");
        contact.put("source", random.pick(FakeValues.SOURCES));
        contact.put("assignedTo", random.chance(0.8) ? random.pick(location.userIds()) : null);
        contact.put("address1", hasAddress ? random.between(1, 999) + " Example Ave" : null);
        contact.put("city", hasAddress ? place.get(0) : null);
        contact.put("state", hasAddress ? place.get(1) : null);
        contact.put("country", place.get(3));
        contact.put("postalCode", hasAddress ? place.get(2) : null);
        final String website = "https://www.example.com/" + ascii(lastName).toLowerCase(Locale.ROOT);
        contact.put("website", random.chance(0.5) ? website : null);
        contact.set("tags", initialTags(random));
        contact.put("dateOfBirth", random.chance(0.7) ? dateOfBirth(random) : null);
        contact.put("dateAdded", dateAdded);
        contact.put("dateUpdated", dateAdded);
        contact.putNull("firstNameLowerCase");
        contact.putNull("fullNameLowerCase");
        contact.putNull("lastNameLowerCase");
        contact.put("lastActivity", dateAdded);
        contact.set("customFields", CustomValues.randomFields(location, random));
        contact.set("additionalEmails", JSON.arrayNode());
        contact.set("additionalPhones", additionalPhones(random));
        contact.put("businessId", random.chance(0.5) ? random.hex24() : null);
        contact.set("followers", followers(location, random));
        contact.set("attributionSource", attribution(random));
        contact.set("createdBy", createdBy(dateAdded, random));
        ContactEdits.refreshDerived(contact);
        return contact;
    }

    /** The six channels GHL reports, all inactive except sometimes e-mail. */
    static ObjectNode dndSettings(final Instant now, final SeededRandom random) {
        final ObjectNode settings = JSON.objectNode();
        for (final String channel : FakeValues.DND_CHANNELS) {
            settings.set(channel, dndChannel(false, now));
        }
        if (random.chance(0.2)) {
            settings.set("Email", dndChannel(true, now));
        }
        return settings;
    }

    /** One channel of {@code dndSettings}; an active one says who changed it and when. */
    public static ObjectNode dndChannel(final boolean active, final Instant at) {
        final ObjectNode channel = JSON.objectNode();
        channel.put("status", active ? "active" : "inactive");
        channel.put("message", active ? "Updated by 'Sim User' at " + GhlTime.utcMillis(at) : "");
        channel.put("code", active ? "103" : "");
        return channel;
    }

    private static String email(final String firstName, final String lastName, final SeededRandom random) {
        final String local = ascii(firstName) + "." + ascii(lastName) + "." + random.between(1, 99_999);
        return local.toLowerCase(Locale.ROOT) + "@example.com";
    }

    private static String ascii(final String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    private static ArrayNode initialTags(final SeededRandom random) {
        final ArrayNode tags = JSON.arrayNode();
        tags.add("lead");
        if (random.chance(0.5)) {
            tags.add("newsletter");
        }
        return tags;
    }

    private static String dateOfBirth(final SeededRandom random) {
        final LocalDate day = LocalDate.of(1950, 1, 1).plusDays(random.between(0, 54 * 365));
        return day + "T00:00:00.000Z";
    }

    private static ArrayNode additionalPhones(final SeededRandom random) {
        final ArrayNode phones = JSON.arrayNode();
        if (random.chance(0.3)) {
            phones.addObject().put("phone", FakeValues.phone(random)).put("phoneLabel", "work");
        }
        return phones;
    }

    private static ArrayNode followers(final LocationProfile location, final SeededRandom random) {
        final ArrayNode followers = JSON.arrayNode();
        if (random.chance(0.3)) {
            followers.add(random.pick(location.userIds()));
        }
        return followers;
    }

    private static ObjectNode attribution(final SeededRandom random) {
        final ObjectNode source = JSON.objectNode();
        source.put("sessionSource", "Direct traffic");
        source.put("medium", "form");
        source.put("mediumId", random.id());
        source.put("url", "https://www.example.com/contact-us");
        source.putNull("utmSource");
        source.putNull("utmMedium");
        source.putNull("referrer");
        source.put("ip", FakeValues.ip(random));
        source.put("userAgent", "Mozilla/5.0");
        return source;
    }

    private static ObjectNode createdBy(final String timestamp, final SeededRandom random) {
        final ObjectNode createdBy = JSON.objectNode();
        createdBy.put("source", "FORM");
        createdBy.put("channel", "WEB");
        createdBy.put("sourceId", random.id());
        createdBy.put("timestamp", timestamp);
        return createdBy;
    }
}
