package io.keepersync.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.keepersync.simulator.change.Mutations;
import io.keepersync.simulator.data.RestViews;
import io.keepersync.simulator.data.World;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** {@code /contacts/{contactId}} and what hangs below it: tasks, notes, appointments, tags. */
final class ContactRoutes {

    private final World world;
    private final Mutations mutations;

    ContactRoutes(final World world, final Mutations mutations) {
        this.world = world;
        this.mutations = mutations;
    }

    void contact(final Context ctx) {
        Replies.json(ctx, 200, Replies.wrap("contact", liveContact(ctx)));
    }

    void tasks(final Context ctx) {
        final String contactId = ctx.pathParam("contactId");
        final var tasks = world.tasksOf(contactId).orElseThrow(ContactRoutes::contactNotFound);
        Replies.json(ctx, 200, Replies.wrap("tasks", RestViews.tasks(tasks)));
    }

    void task(final Context ctx) {
        final String contactId = ctx.pathParam("contactId");
        liveContact(ctx);
        final var task = world.task(ctx.pathParam("taskId")).filter(t -> t.contactId().equals(contactId))
                .orElseThrow(() -> ApiError.notFound("Task not found"));
        Replies.json(ctx, 200, Replies.wrap("task", RestViews.task(task)));
    }

    void notes(final Context ctx) {
        final String contactId = ctx.pathParam("contactId");
        final var notes = world.notesOf(contactId).orElseThrow(ContactRoutes::contactNotFound);
        Replies.json(ctx, 200, Replies.wrap("notes", RestViews.notes(notes)));
    }

    void note(final Context ctx) {
        final String contactId = ctx.pathParam("contactId");
        liveContact(ctx);
        final var note = world.note(ctx.pathParam("noteId")).filter(n -> n.contactId().equals(contactId))
                .orElseThrow(() -> ApiError.notFound("Note not found"));
        Replies.json(ctx, 200, Replies.wrap("note", RestViews.note(note)));
    }

    /** Times as {@code YYYY-MM-DD HH:mm:ss} in the contact's zone, without offset (PITFALLS 15). */
    void appointments(final Context ctx) {
        final ObjectNode contact = liveContact(ctx);
        final var appointments = world.appointmentsOf(ctx.pathParam("contactId"))
                .orElseThrow(ContactRoutes::contactNotFound);
        final ArrayNode events = RestViews.contactEvents(appointments, RestViews.zoneOf(contact));
        Replies.json(ctx, 200, Replies.wrap("events", events));
    }

    /** {@code POST /contacts/{id}/tags}: 201 with all tags after adding. */
    void addTags(final Context ctx) {
        changeTags(ctx, 201, (id, tags) -> mutations.changeTags(id, tags, List.of()));
    }

    /** {@code DELETE /contacts/{id}/tags} with a JSON body: 200 with the remaining tags. */
    void removeTags(final Context ctx) {
        changeTags(ctx, 200, (id, tags) -> mutations.changeTags(id, List.of(), tags));
    }

    private void changeTags(final Context ctx, final int status,
                            final BiFunction<String, List<String>, List<String>> change) {
        final String contactId = ctx.pathParam("contactId");
        liveContact(ctx);
        final List<String> requested = requestedTags(Replies.bodyObject(ctx));
        final List<String> after;
        try {
            after = change.apply(contactId, requested);
        } catch (IllegalArgumentException e) {
            throw contactNotFound();
        }
        final ArrayNode tags = JsonNodeFactory.instance.arrayNode();
        after.forEach(tags::add);
        Replies.json(ctx, status, Replies.wrap("tags", tags));
    }

    private static List<String> requestedTags(final ObjectNode body) {
        final JsonNode tags = body.get("tags");
        if (tags == null || !tags.isArray()) {
            throw ApiError.unprocessable(List.of("tags must be an array"));
        }
        final List<String> values = new ArrayList<>();
        for (final JsonNode tag : tags) {
            if (!tag.isTextual() || tag.asText().isBlank()) {
                throw ApiError.unprocessable(List.of("each value in tags must be a string"));
            }
            values.add(tag.asText().trim());
        }
        return values;
    }

    private ObjectNode liveContact(final Context ctx) {
        return world.contact(ctx.pathParam("contactId")).orElseThrow(ContactRoutes::contactNotFound);
    }

    private static ApiError contactNotFound() {
        return ApiError.notFound("Contact not found");
    }
}
