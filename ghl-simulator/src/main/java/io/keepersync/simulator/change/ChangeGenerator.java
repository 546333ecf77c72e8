package io.keepersync.simulator.change;

import io.keepersync.simulator.data.Appointment;
import io.keepersync.simulator.data.Note;
import io.keepersync.simulator.data.SeededRandom;
import io.keepersync.simulator.data.Task;
import io.keepersync.simulator.data.World;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Applies a seeded random mix of {@link Mutations}: mostly creates and updates, some deletes; notes,
 * tasks and appointments only on live contacts. When a drawn change has nothing to act on (no contact,
 * no open task) a contact is created instead, so every step changes something.
 */
public final class ChangeGenerator {

    /** The kinds of change and their weights out of 100. */
    private enum Kind {
        CREATE_CONTACT(20), UPDATE_CONTACT(24), CHANGE_TAGS(8), CHANGE_DND(5), DELETE_CONTACT(4),
        CREATE_NOTE(10), UPDATE_NOTE(5), DELETE_NOTE(2), CREATE_TASK(8), COMPLETE_TASK(5), DELETE_TASK(2),
        CREATE_APPOINTMENT(4), UPDATE_APPOINTMENT(2), DELETE_APPOINTMENT(1);

        private final int weight;

        Kind(final int weight) {
            this.weight = weight;
        }
    }

    private final World world;
    private final Mutations mutations;
    private final SeededRandom random;

    public ChangeGenerator(final World world, final Mutations mutations, final SeededRandom random) {
        this.world = world;
        this.mutations = mutations;
        this.random = random;
    }

    /** Applies {@code count} changes and returns how many webhooks they queued (0 without a webhook URL). */
    public int apply(final int count) {
        int queued = 0;
        for (int i = 0; i < count; i++) {
            synchronized (world) {
                final long before = mutations.emitted();
                if (!applyOne(draw())) {
                    mutations.createContact(random.pick(world.locationIds()));
                }
                queued += (int) (mutations.emitted() - before);
            }
        }
        return queued;
    }

    private Kind draw() {
        int roll = random.between(1, 100);
        for (final Kind kind : Kind.values()) {
            roll -= kind.weight;
            if (roll <= 0) {
                return kind;
            }
        }
        return Kind.CREATE_CONTACT;
    }

    private boolean applyOne(final Kind kind) {
        final Optional<String> picked = world.randomLiveContact(random);
        if (kind == Kind.CREATE_CONTACT || picked.isEmpty()) {
            return false;
        }
        final String contactId = picked.get();
        return switch (kind) {
            case UPDATE_CONTACT -> done(() -> mutations.updateContact(contactId));
            case CHANGE_TAGS -> done(() -> mutations.changeTags(contactId));
            case CHANGE_DND -> done(() -> mutations.changeDnd(contactId));
            case DELETE_CONTACT -> done(() -> mutations.deleteContact(contactId));
            case CREATE_NOTE -> done(() -> mutations.createNote(contactId));
            case UPDATE_NOTE -> onOne(notes(contactId), mutations::updateNote);
            case DELETE_NOTE -> onOne(notes(contactId), mutations::deleteNote);
            case CREATE_TASK -> done(() -> mutations.createTask(contactId));
            case COMPLETE_TASK -> onOne(tasks(contactId, true), mutations::completeTask);
            case DELETE_TASK -> onOne(tasks(contactId, false), mutations::deleteTask);
            case CREATE_APPOINTMENT -> done(() -> mutations.createAppointment(contactId));
            case UPDATE_APPOINTMENT -> onOne(appointments(contactId), mutations::updateAppointment);
            case DELETE_APPOINTMENT -> onOne(appointments(contactId), mutations::deleteAppointment);
            case CREATE_CONTACT -> false;
        };
    }

    private List<String> notes(final String contactId) {
        return world.notesOf(contactId).orElseThrow().stream().map(Note::id).toList();
    }

    private List<String> tasks(final String contactId, final boolean openOnly) {
        return world.tasksOf(contactId).orElseThrow().stream().filter(t -> !openOnly || !t.completed())
                .map(Task::id).toList();
    }

    private List<String> appointments(final String contactId) {
        return world.appointmentsOf(contactId).orElseThrow().stream().map(Appointment::id).toList();
    }

    private boolean onOne(final List<String> ids, final Consumer<String> change) {
        if (ids.isEmpty()) {
            return false;
        }
        change.accept(random.pick(ids));
        return true;
    }

    private static boolean done(final Runnable change) {
        change.run();
        return true;
    }
}
