package io.keepersync.simulator.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Random notes, tasks and appointments of a contact, and plausible edits of them. */
public final class ActivityFactory {

    private static final List<String> NOTE_TITLES = List.of("Call log", "Meeting", "Follow-up");
    private static final List<String> NOTE_COLORS = List.of("#FFAA00", "#7FD3F7", "#B5E48C");
    private static final List<String> SOURCES = List.of("booking_widget", "calendar_page", "third_party");

    private ActivityFactory() {
    }

    public static Note newNote(final String contactId, final LocationProfile location, final Instant now,
                               final SeededRandom random) {
        final boolean titled = random.chance(0.6);
        return new Note(random.id(), contactId, random.pick(FakeValues.NOTE_BODIES), random.pick(location.userIds()),
                now, titled ? random.pick(NOTE_TITLES) : null, titled ? random.pick(NOTE_COLORS) : null,
                random.chance(0.1));
    }

    public static Note editedNote(final Note note, final SeededRandom random) {
        return note.withBody(note.body() + " Update: " + random.pick(FakeValues.NOTE_BODIES), random.chance(0.2));
    }

    public static Task newTask(final String contactId, final LocationProfile location, final Instant now,
                               final SeededRandom random) {
        final String title = random.pick(FakeValues.TASK_TITLES);
        final Instant due = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(random.between(24, 336)));
        return new Task(random.id(), contactId, title, title + " and note the outcome.",
                random.pick(location.userIds()), due, false, now);
    }

    /** An appointment on a future weekday hour in the contact's zone, added at {@code now}. */
    public static Appointment newAppointment(final ObjectNode contact, final LocationProfile location,
                                             final Instant now, final SeededRandom random) {
        final ZoneId zone = RestViews.zoneOf(contact);
        final LocalDate day = LocalDate.ofInstant(now, zone).plusDays(random.between(1, 40));
        final Instant start = day.atTime(random.between(8, 17), random.chance(0.5) ? 0 : 30).atZone(zone).toInstant();
        final Instant end = start.plus(Duration.ofMinutes(random.chance(0.5) ? 30 : 60));
        final String assigned = random.pick(location.userIds());
        final List<String> users = new ArrayList<>(List.of(assigned));
        if (random.chance(0.4)) {
            users.add(random.pick(location.userIds()));
        }
        final Instant added = GhlTime.toSeconds(now);
        return new Appointment(random.id(), location.locationId(), contact.path("id").asText(),
                random.pick(location.calendarIds()), location.groupId(),
                random.pick(FakeValues.APPOINTMENT_TITLES) + " - " + contact.path("name").asText(""),
                random.pick(FakeValues.NOTE_BODIES),
                random.chance(0.5) ? "https://meet.example.com/" + random.id() : "",
                assigned, users.stream().distinct().toList(), random.chance(0.5) ? "new" : "confirmed",
                random.pick(SOURCES), start, end, added, added);
    }

    /**
     * Either moves the appointment by whole days, keeping its local time (so a DST switch changes its
     * offset), or changes its status.
     */
    public static Appointment editedAppointment(final Appointment appointment, final ZoneId zone, final Instant now,
                                                final SeededRandom random) {
        final Instant updated = GhlTime.toSeconds(now);
        if (random.chance(0.5)) {
            return appointment.withStatus(random.pick(List.of("confirmed", "showed", "noshow")), updated);
        }
        final int days = random.between(1, 3);
        final Instant start = appointment.startTime().atZone(zone).plusDays(days).toInstant();
        final Instant end = appointment.endTime().atZone(zone).plusDays(days).toInstant();
        return appointment.rescheduled(start, end, updated);
    }
}
