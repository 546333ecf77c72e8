package io.keepersync.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.keepersync.simulator.data.RestViews;
import io.keepersync.simulator.data.Task;
import io.keepersync.simulator.data.World;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code POST /locations/{locationId}/tasks/search}: tasks of the location's live contacts, each with
 * its {@code contactId}, answered as {@code {tasks: [...], total}}. Body fields, all optional:
 * {@code taskId} (string), {@code contactId} (array of ids), {@code completed} (boolean),
 * {@code query} (matches the task id exactly or title/body as text), {@code limit} (default 25, max 100),
 * {@code skip} (default 0). The HTTP route and {@link io.keepersync.simulator.GhlSimulator#contactOfTask}
 * share this code. Thread-safe.
 */
public final class TaskSearch {

    private static final int DEFAULT_LIMIT = 25;
    private static final int MAX_LIMIT = 100;

    private final World world;

    public TaskSearch(final World world) {
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

        final List<Task> matches = matches(locationId, body);
        final ObjectNode answer = Replies.wrap("tasks",
                RestViews.tasks(matches.stream().skip(skip).limit(limit).toList()));
        answer.put("total", matches.size());
        Replies.json(ctx, 200, answer);
    }

    /**
     * The contact a live task belongs to: what a search for {@code {"taskId": taskId}} in the location
     * of the task's contact finds. Empty for unknown tasks and tasks of deleted contacts.
     */
    public Optional<String> contactOfTask(final String taskId) {
        final ObjectNode body = JsonNodeFactory.instance.objectNode().put("taskId", taskId);
        return world.task(taskId).flatMap(task -> world.locationOf(task.contactId()))
                .flatMap(locationId -> matches(locationId, body).stream().findFirst())
                .map(Task::contactId);
    }

    private List<Task> matches(final String locationId, final ObjectNode body) {
        return world.tasksIn(locationId).stream().filter(filter(body)).toList();
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
