package io.keepersync.launcher.demo;

import io.keepersync.simulator.GhlSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo's mix of GHL activity, shaped like a working CRM rather than uniform noise: new contacts
 * arrive and a workflow tags them and sometimes adds a note or a task; then users work in bursts on one
 * contact at a time (an edit and a tag change together, a note written then corrected, a task made then
 * completed, an appointment booked then moved), with some DND changes and deletions. Seeded, so every
 * run with one seed makes the same changes.
 */
final class DemoScenario {

    private static final List<String> DND_CHANNELS = List.of("SMS", "Email", "Call", "WhatsApp");

    private final GhlSimulator ghl;
    private final Random random;
    private final List<String> contacts = new ArrayList<>();

    DemoScenario(final GhlSimulator ghl, final long seed) {
        this.ghl = ghl;
        this.random = new Random(seed);
    }

    /** Creates {@code count} contacts, each with what a lead-intake workflow adds. */
    void newContacts(final int count) {
        final List<String> locations = ghl.locationIds();
        for (int i = 0; i < count; i++) {
            final String contactId = ghl.createContact(locations.get(i % locations.size()));
            contacts.add(contactId);
            if (chance(70)) {
                ghl.changeTags(contactId, List.of("new-lead"), List.of());
            }
            if (chance(30)) {
                ghl.createNote(contactId);
            }
            if (chance(30)) {
                ghl.createTask(contactId);
            }
        }
    }

    /** {@code count} bursts of work, each on one random contact. */
    void activity(final int count) {
        for (int i = 0; i < count && !contacts.isEmpty(); i++) {
            final String contactId = contacts.get(random.nextInt(contacts.size()));
            final int kind = random.nextInt(100);
            if (kind < 30) {
                ghl.updateContact(contactId);
                ghl.changeTags(contactId, List.of("engaged"), List.of("new-lead"));
            } else if (kind < 50) {
                ghl.updateNote(ghl.createNote(contactId));
            } else if (kind < 65) {
                ghl.completeTask(ghl.createTask(contactId));
            } else if (kind < 80) {
                ghl.updateAppointment(ghl.createAppointment(contactId));
            } else if (kind < 92) {
                ghl.changeDnd(contactId, DND_CHANNELS.get(random.nextInt(DND_CHANNELS.size())), random.nextBoolean());
            } else if (kind < 97) {
                ghl.deleteNote(ghl.createNote(contactId));
            } else {
                ghl.deleteContact(contactId);
                contacts.remove(contactId);
            }
        }
    }

    private boolean chance(final int percent) {
        return random.nextInt(100) < percent;
    }
}
