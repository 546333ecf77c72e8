package io.keepersync.sink.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.TopicPartition;

/**
 * The key layout of the Keeper store. Every key starts with a one-letter family so the families never
 * overlap: {@code c/<contactId>} holds a contact, {@code l/<locationId>/<contactId>} is its entry in the
 * location index, {@code o/<topic>/<partition>} is the next offset to read, {@code m/...} is bookkeeping.
 */
final class StoreKeys {

    static final byte[] CONTACT_COUNT = utf8("m/contact-count");
    static final byte[] OFFSET_PREFIX = utf8("o/");
    static final byte[] EMPTY = new byte[0];

    private StoreKeys() {
    }

    static byte[] contact(final String contactId) {
        return utf8("c/" + contactId);
    }

    static byte[] locationPrefix(final String locationId) {
        return utf8("l/" + locationId + "/");
    }

    static byte[] locationEntry(final String locationId, final String contactId) {
        return utf8("l/" + locationId + "/" + contactId);
    }

    static String contactIdOf(final byte[] locationEntry, final byte[] locationPrefix) {
        return new String(locationEntry, locationPrefix.length, locationEntry.length - locationPrefix.length,
            StandardCharsets.UTF_8);
    }

    static byte[] offset(final TopicPartition partition) {
        return utf8("o/" + partition.topic() + "/" + partition.partition());
    }

    static TopicPartition partitionOf(final byte[] offsetKey) {
        final String key = new String(offsetKey, StandardCharsets.UTF_8);
        final int slash = key.lastIndexOf('/');
        final String topic = key.substring(OFFSET_PREFIX.length, slash);
        return new TopicPartition(topic, Integer.parseInt(key.substring(slash + 1)));
    }

    static boolean startsWith(final byte[] key, final byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    static byte[] encodeLong(final long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }

    static long decodeLong(final byte[] value) {
        return value == null ? 0L : ByteBuffer.wrap(value).getLong();
    }

    static byte[] utf8(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
