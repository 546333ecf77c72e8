package io.keepersync.simulator.data;

import java.util.List;

/**
 * Word lists for clearly fake CRM data: names, example.com addresses, +1 555 phone numbers,
 * documentation IP addresses. Nothing here belongs to a real person.
 */
final class FakeValues {

    static final List<String> FIRST_NAMES = List.of("Jordan", "Riley", "Sam", "Avery", "Casey", "Morgan",
            "Taylor", "Quinn", "Jamie", "Rowan", "Skyler", "Dana", "Zoë", "Ren", "Noa", "Kai");
    static final List<String> LAST_NAMES = List.of("Blake", "Chen", "Okafor", "Novak", "Garcia", "Lindqvist",
            "Patel", "Moreau", "Kowalski", "Tanaka", "Silva", "Byrne", "Haddad", "Ivanova");
    static final List<String> COMPANIES = List.of("Acme Test Co", "Example Widgets", "Sample Logistics",
            "Demo Dental", "Placeholder Roofing", "Fictional Fitness");
    static final List<List<String>> PLACES = List.of(
            List.of("Springfield", "IL", "62701", "US", "America/Chicago"),
            List.of("Peoria", "IL", "61602", "US", "America/Chicago"),
            List.of("Berlin", "BE", "10115", "DE", "Europe/Berlin"),
            List.of("Albany", "NY", "12207", "US", "America/New_York"),
            List.of("Fresno", "CA", "93721", "US", "America/Los_Angeles"),
            List.of("Pune", "MH", "411001", "IN", "Asia/Kolkata"),
            List.of("Baker Island", "UM", "96898", "UM", "Etc/GMT+12"));
    static final List<String> SOURCES = List.of("website form", "public api", "import", "manual", "chat widget");
    static final List<String> TAGS = List.of("lead", "newsletter", "vip", "customer", "webinar-2026-03", "trial",
            "partner", "cold");
    static final List<String> NOTE_BODIES = List.of("Called, left voicemail. Try again Thursday.",
            "Interested in annual plan.", "Asked for a callback after 3pm.", "Prefers e-mail over phone.",
            "Sent brochure; waiting for feedback.", "Budget approved for Q2.");
    static final List<String> TASK_TITLES = List.of("Send pricing sheet", "Intro call follow-up",
            "Book onboarding", "Check contract status", "Send thank-you note");
    static final List<String> APPOINTMENT_TITLES = List.of("Discovery call", "Onboarding", "Quarterly review",
            "Demo session");
    static final List<String> INTERESTS = List.of("option_a", "option_b", "option_c", "option_d");
    static final List<String> REFERRALS = List.of("Referral from trade show", "Found us online",
            "Recommended by a customer", "Cold outreach");
    static final List<String> DND_CHANNELS = List.of("Call", "Email", "SMS", "WhatsApp", "GMB", "FB");

    private FakeValues() {
    }

    /** A phone number in the +1 555 fictional range. */
    static String phone(final SeededRandom random) {
        return String.format(java.util.Locale.ROOT, "+1555555%04d", random.between(0, 9_999));
    }

    /** A documentation-range (TEST-NET-3) IP address. */
    static String ip(final SeededRandom random) {
        return "203.0.113." + random.between(1, 254);
    }
}
