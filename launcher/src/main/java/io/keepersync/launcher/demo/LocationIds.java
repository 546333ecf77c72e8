package io.keepersync.launcher.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** GHL-shaped location ids (20 characters of [A-Za-z0-9]) derived from a seed. */
final class LocationIds {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private LocationIds() {
    }

    static List<String> generate(final long seed, final int count) {
        final Random random = new Random(seed ^ 0x10CA7105L);
        final List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            final StringBuilder id = new StringBuilder(20);
            for (int c = 0; c < 20; c++) {
                id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            ids.add(id.toString());
        }
        return ids;
    }
}
