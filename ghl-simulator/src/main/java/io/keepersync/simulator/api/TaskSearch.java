package io.keepersync.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.keepersync.simulator.data.RestViews;
import io.keepersync.simulator.data.Task;
import io.keepersync.simulator.data.World;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code POST /locations/{locationId}/tasks/search}: tasks of the location's live contacts, each with
 * its {@code contactId}, answered as {@code {tasks: [...], total}}. Body fields, all optional:
 * {@code taskId} (string), {@code contactId} (array of ids), {@code completed} (boolean),
 * {@code query} (matches the task id exactly or title/body as text), {@code limit} (default 25, max 100),
 * {@code skip} (default 0).
 */
final class TaskSearch {

    private static final int DEFAULT_LIMIT = 25;
    private static final int MAX_LIMIT = 100;

    private final World world;

    TaskSearch(final World world) {
        this.world = world;
    }

    void search(final Context ctx) {
        final String locationId = ctx.pathParam("locationId");
        if (world.location(locationId).isEmpty()) {
            throw ApiError.forbiddenLocation();
        }
        final ObjectNode body = Replies.bodyObject(ctx);
        final int limit = Math.min(MAX_LIMIT, Math.max(1, body.path("limit").asInt(DEFAULT_LIMIT)));
        final int skip = Math.max(0, body.path("skip").asInt(0));

        final List<Task> matches = world.tasksIn(locationId).stream().filter(filter(body)).toList();
        final ObjectNode answer = Replies.wrap("tasks",
                RestViews.tasks(matches.stream().skip(skip).limit(limit).toList()));
        answer.put("total", matches.size());
        Replies.json(ctx, 200, answer);
    }

    private static Predicate<Task> filter(final ObjectNode body) {
        Predicate<Task> filter = task -> true;
        final String taskId = body.path("taskId").textValue();
        if (taskId != null) {
            filter = filter.and(task -> task.id().equals(taskId));
        }
        final JsonNode contactIds = body.path("contactId");
        if (contactIds.isArray()) {
            final Set<String> ids = new HashSet<>();
            contactIds.forEach(id -> ids.add(id.asText()));
            filter = filter.and(task -> ids.contains(task.contactId()));
        }
        if (body.path("completed").isBoolean()) {
            final boolean completed = body.get("completed").asBoolean();
            filter = filter.and(task -> task.completed() == completed);
        }
        final String query = body.path("query").textValue();
        return query == null ? filter : filter.and(task -> matchesQuery(task, query));
    }

    private static boolean matchesQuery(final Task task, final String query) {
        final String needle = query.toLowerCase(Locale.ROOT);
        return task.id().equals(query) || task.title().toLowerCase(Locale.ROOT).contains(needle)
                || task.body().toLowerCase(Locale.ROOT).contains(needle);
    }
}
