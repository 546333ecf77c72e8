package io.keepersync.simulator.data;

import java.time.Instant;
import java.util.List;

/**
 * An appointment of a contact. Times are stored as instants with whole seconds and rendered in the
 * contact's zone on each surface (see {@link GhlTime}).
 */
public record Appointment(String id, String locationId, String contactId, String calendarId, String groupId,
                          String title, String notes, String address, String assignedUserId, List<String> users,
                          String appointmentStatus, String source, Instant startTime, Instant endTime,
                          Instant dateAdded, Instant dateUpdated) {

    public Appointment {
        users = List.copyOf(users);
    }

    /** The coarse {@code status} of the contact appointments list: {@code cancelled} or {@code booked}. */
    public String status() {
        return "cancelled".equals(appointmentStatus) ? "cancelled" : "booked";
    }

    public Appointment rescheduled(final Instant start, final Instant end, final Instant updated) {
        return new Appointment(id, locationId, contactId, calendarId, groupId, title, notes, address, assignedUserId,
                users, appointmentStatus, source, start, end, dateAdded, updated);
    }

    public Appointment withStatus(final String newStatus, final Instant updated) {
        return new Appointment(id, locationId, contactId, calendarId, groupId, title, notes, address, assignedUserId,
                users, newStatus, source, startTime, endTime, dateAdded, updated);
    }
}
