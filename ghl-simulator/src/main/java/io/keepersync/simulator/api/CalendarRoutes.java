package io.keepersync.simulator.api;

import io.javalin.http.Context;
import io.keepersync.simulator.data.Appointment;
import io.keepersync.simulator.data.RestViews;
import io.keepersync.simulator.data.World;

/** {@code GET /calendars/events/appointments/{eventId}}: {@code {event}} with offset times in the contact's zone. */
final class CalendarRoutes {

    private final World world;

    CalendarRoutes(final World world) {
        this.world = world;
    }

    void appointment(final Context ctx) {
        final Appointment appointment = world.appointment(ctx.pathParam("eventId"))
                .orElseThrow(() -> ApiError.notFound("Appointment not found"));
        final var zone = world.contact(appointment.contactId()).map(RestViews::zoneOf)
                .orElseThrow(() -> ApiError.notFound("Appointment not found"));
        Replies.json(ctx, 200, Replies.wrap("event", RestViews.calendarEvent(appointment, zone)));
    }
}
