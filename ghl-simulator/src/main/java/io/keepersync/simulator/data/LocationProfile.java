package io.keepersync.simulator.data;

import java.util.List;

/** The fixed parts of a simulated location: its users, calendars and custom field definitions. */
public record LocationProfile(String locationId, List<String> userIds, List<String> calendarIds, String groupId,
                              List<CustomFieldDef> customFields) {

    public LocationProfile {
        userIds = List.copyOf(userIds);
        calendarIds = List.copyOf(calendarIds);
        customFields = List.copyOf(customFields);
    }

    /** Generates users, calendars and one custom field of each kind for {@code locationId}. */
    public static LocationProfile generate(final String locationId, final SeededRandom random) {
        final List<String> users = List.of(random.id(), random.id(), random.id());
        final List<String> calendars = List.of(random.id(), random.id());
        final List<CustomFieldDef> fields = List.of(
                new CustomFieldDef(random.id(), "referral_note", CustomFieldDef.Kind.TEXT),
                new CustomFieldDef(random.id(), "seat_count", CustomFieldDef.Kind.NUMBER),
                new CustomFieldDef(random.id(), "contract_value", CustomFieldDef.Kind.MONETARY),
                new CustomFieldDef(random.id(), "interests", CustomFieldDef.Kind.CHECKBOX),
                new CustomFieldDef(random.id(), "signed_form", CustomFieldDef.Kind.FILE_UPLOAD));
        return new LocationProfile(locationId, users, calendars, random.id(), fields);
    }
}
