package io.keepersync.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.keepersync.simulator.data.ContactSnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.function.Predicate;

/**
 * Parses the {@code filters} of a contact search into one predicate (all filters must hold).
 * Supported: {@code dateAdded}/{@code dateUpdated} with gt, gte, lt, lte, or range (value an object of
 * those keys), times as ISO-8601, {@code YYYY-MM-DD} (UTC midnight) or epoch milliseconds;
 * {@code id} eq; {@code email} eq; {@code tags} eq/contains (one tag, or any of a list).
 */
final class SearchFilters {

    private static final List<String> BOUNDS = List.of("gt", "gte", "lt", "lte");

    private SearchFilters() {
    }

    static Predicate<ContactSnapshot> parse(final JsonNode filters) {
        Predicate<ContactSnapshot> all = row -> true;
        if (filters.isMissingNode() || filters.isNull()) {
            return all;
        }
        if (!filters.isArray()) {
            throw ApiError.unprocessable(List.of("filters must be an array"));
        }
        for (final JsonNode filter : filters) {
            all = all.and(one(filter));
        }
        return all;
    }

    private static Predicate<ContactSnapshot> one(final JsonNode filter) {
        final String field = filter.path("field").asText();
        final String operator = filter.path("operator").asText().toLowerCase(Locale.ROOT);
        final JsonNode value = filter.path("value");
        return switch (field) {
            case "dateAdded" -> onAdded(time(operator, value));
            case "dateUpdated" -> onUpdated(time(operator, value));
            case "id" -> equality(field, operator, row -> row.id().equals(value.asText()));
            case "email" -> equality(field, operator,
                    row -> value.asText().equalsIgnoreCase(row.contact().path("email").asText("")));
            case "tags" -> tags(operator, value);
            default -> throw unsupported(field, operator);
        };
    }

    private static Predicate<ContactSnapshot> onAdded(final LongPredicate test) {
        return row -> test.test(row.addedMillis());
    }

    private static Predicate<ContactSnapshot> onUpdated(final LongPredicate test) {
        return row -> test.test(row.updatedMillis());
    }

    private static LongPredicate time(final String operator, final JsonNode value) {
        if (!"range".equals(operator)) {
            return bound(operator, instantMillis(value));
        }
        LongPredicate range = millis -> true;
        for (final Map.Entry<String, JsonNode> bound : value.properties()) {
            range = range.and(bound(bound.getKey(), instantMillis(bound.getValue())));
        }
        return range;
    }

    private static LongPredicate bound(final String operator, final long limit) {
        return switch (operator) {
            case "gt" -> millis -> millis > limit;
            case "gte" -> millis -> millis >= limit;
            case "lt" -> millis -> millis < limit;
            case "lte" -> millis -> millis <= limit;
            default -> throw ApiError.unprocessable(List.of("time operator must be one of " + BOUNDS + " or range"));
        };
    }

    private static long instantMillis(final JsonNode value) {
        if (value.isNumber()) {
            return value.asLong();
        }
        final String text = value.asText();
        try {
            if (text.matches("\\d{9,}")) {
                return Long.parseLong(text);
            }
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw ApiError.unprocessable(List.of("not a time: " + text));
        }
    }

    private static Predicate<ContactSnapshot> equality(final String field, final String operator,
                                                 final Predicate<ContactSnapshot> test) {
        if (!"eq".equals(operator)) {
            throw unsupported(field, operator);
        }
        return test;
    }

    private static Predicate<ContactSnapshot> tags(final String operator, final JsonNode value) {
        if (!"eq".equals(operator) && !"contains".equals(operator)) {
            throw unsupported("tags", operator);
        }
        final List<String> wanted = value.isArray() ? texts(value) : List.of(value.asText().toLowerCase(Locale.ROOT));
        return row -> texts(row.contact().path("tags")).stream().anyMatch(wanted::contains);
    }

    private static List<String> texts(final JsonNode array) {
        final List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText().toLowerCase(Locale.ROOT)));
        return values;
    }

    private static ApiError unsupported(final String field, final String operator) {
        return ApiError.unprocessable(List.of("filter not supported by the simulator: " + field + " " + operator));
    }
}
