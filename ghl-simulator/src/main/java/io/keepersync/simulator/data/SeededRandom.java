package io.keepersync.simulator.data;

import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The single source of randomness behind generated data: ids in GHL's formats, picks and coin flips.
 * The same seed and the same sequence of calls give the same values. Not thread-safe; callers hold
 * the world's lock.
 */
public final class SeededRandom {

    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int ID_LENGTH = 20;
    private static final int HEX_LENGTH = 24;

    private final Random random;

    public SeededRandom(final long seed) {
        this.random = new Random(seed);
    }

    /** A 20-character {@code [A-Za-z0-9]} id, the format of location, contact, note, task and event ids. */
    public String id() {
        final StringBuilder id = new StringBuilder(ID_LENGTH);
        for (int i = 0; i < ID_LENGTH; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    /** A 24-character lowercase hex id, the format of appId, versionId and businessId. */
    public String hex24() {
        final StringBuilder id = new StringBuilder(HEX_LENGTH);
        for (int i = 0; i < HEX_LENGTH; i++) {
            id.append(Character.forDigit(random.nextInt(16), 16));
        }
        return id.toString();
    }

    /** A version-4 UUID string, the format of webhookId. */
    public String uuid() {
        final long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        final long least = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(most, least).toString();
    }

    /** Uniform in {@code [min, max]}. */
    public int between(final int min, final int max) {
        return min + random.nextInt(max - min + 1);
    }

    /** True with probability {@code p}. */
    public boolean chance(final double p) {
        return random.nextDouble() < p;
    }

    public double nextDouble() {
        return random.nextDouble();
    }

    public <T> T pick(final List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
