package io.keepersync.sink.store;

import io.keepersync.schemas.EnrichedContact;
import io.keepersync.schemas.serde.AvroSerde;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.kafka.common.TopicPartition;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Keeper store: the latest enriched contact per contact id, an index of contacts by location, and the
 * offsets of the enriched topic up to which the store is complete, all in one RocksDB database.
 *
 * <p>{@link #apply} writes contacts, index entries and offsets in one atomic write batch, so after a
 * crash the store holds exactly the records below its stored offsets. Values are the Avro encoding of
 * {@link EnrichedContact} with its schema id, so records written by an older schema still decode.
 *
 * <p>Thread-safe. Reads may run on any number of threads; {@link #apply} calls are serialised. All calls
 * block on local disk I/O only. After {@link #close} every call throws {@link IllegalStateException}.
 */
public final class KeeperStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KeeperStore.class);
    private static final String SERDE_TOPIC = "keeper-store";

    static {
        RocksDB.loadLibrary();
    }

    private final Path directory;
    private final Options options;
    private final RocksDB db;
    private final AvroSerde<EnrichedContact> serde = AvroSerde.of(EnrichedContact.class);
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    private KeeperStore(final Path directory, final Options options, final RocksDB db) {
        this.directory = directory;
        this.options = options;
        this.db = db;
    }

    /** Opens the store in this directory, creating the directory and an empty store when absent. */
    public static KeeperStore open(final Path directory) {
        final Options options = new Options().setCreateIfMissing(true);
        try {
            Files.createDirectories(directory);
            final KeeperStore store = new KeeperStore(directory, options, RocksDB.open(options, directory.toString()));
            LOG.info("Keeper store opened path={} contacts={}", directory, store.count());
            return store;
        } catch (IOException e) {
            options.close();
            throw new UncheckedIOException("cannot create the Keeper store directory " + directory, e);
        } catch (RocksDBException e) {
            options.close();
            throw new StoreException("cannot open the Keeper store at " + directory
                + "; is another process using it?", e);
        }
    }

    /**
     * Applies these changes and records these offsets in one atomic write. When a batch holds several
     * changes for one contact, the last one wins.
     *
     * @param changes upserts and deletions, in the order they were read
     * @param nextOffsets per partition, the offset of the next record to read
     */
    public synchronized void apply(final List<ContactChange> changes, final Map<TopicPartition, Long> nextOffsets) {
        whileOpen(() -> {
            try (WriteBatch batch = new WriteBatch(); WriteOptions write = new WriteOptions()) {
                stageChanges(batch, lastChangePerContact(changes));
                for (final Map.Entry<TopicPartition, Long> offset : nextOffsets.entrySet()) {
                    batch.put(StoreKeys.offset(offset.getKey()), StoreKeys.encodeLong(offset.getValue()));
                }
                db.write(write, batch);
            }
            return null;
        });
    }

    /** The stored contact with this id. */
    public Optional<EnrichedContact> get(final String contactId) {
        Objects.requireNonNull(contactId, "contactId");
        return whileOpen(() -> Optional.ofNullable(decode(db.get(StoreKeys.contact(contactId)))));
    }

    /**
     * Up to {@code limit} contacts of this location whose ids sort after {@code startAfterId}, ordered by id.
     * The page is read from one snapshot, so a concurrent {@link #apply} is either wholly in it or not.
     *
     * @param startAfterId the last id of the previous page, or null for the first page
     */
    public ContactPage page(final String locationId, final String startAfterId, final int limit) {
        Objects.requireNonNull(locationId, "locationId");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return whileOpen(() -> {
            final Snapshot snapshot = db.getSnapshot();
            try (ReadOptions read = new ReadOptions().setSnapshot(snapshot)) {
                final List<String> ids = indexedIds(read, locationId, startAfterId, limit + 1);
                final boolean hasMore = ids.size() > limit;
                return new ContactPage(readContacts(read, hasMore ? ids.subList(0, limit) : ids), hasMore);
            } finally {
                db.releaseSnapshot(snapshot);
            }
        });
    }

    /** How many contacts the store holds. */
    public long count() {
        return whileOpen(() -> StoreKeys.decodeLong(db.get(StoreKeys.CONTACT_COUNT)));
    }

    /** Per partition of the enriched topic, the offset of the next record the store has not applied. */
    public Map<TopicPartition, Long> storedOffsets() {
        return whileOpen(() -> {
            final Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
            try (RocksIterator iterator = db.newIterator()) {
                for (iterator.seek(StoreKeys.OFFSET_PREFIX); iterator.isValid()
                    && StoreKeys.startsWith(iterator.key(), StoreKeys.OFFSET_PREFIX); iterator.next()) {
                    offsets.put(StoreKeys.partitionOf(iterator.key()), StoreKeys.decodeLong(iterator.value()));
                }
                iterator.status();
            }
            return offsets;
        });
    }

    /** Closes the database; waits for calls in progress to finish. Idempotent. */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                db.close();
                options.close();
                LOG.info("Keeper store closed path={}", directory);
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private static Map<String, EnrichedContact> lastChangePerContact(final List<ContactChange> changes) {
        final Map<String, EnrichedContact> latest = new LinkedHashMap<>();
        for (final ContactChange change : changes) {
            latest.remove(change.contactId());
            latest.put(change.contactId(), change.contact());
        }
        return latest;
    }

    private void stageChanges(final WriteBatch batch, final Map<String, EnrichedContact> latest)
        throws RocksDBException {
        long delta = 0;
        for (final Map.Entry<String, EnrichedContact> change : latest.entrySet()) {
            delta += stageChange(batch, change.getKey(), change.getValue());
        }
        if (delta != 0) {
            batch.put(StoreKeys.CONTACT_COUNT, StoreKeys.encodeLong(count() + delta));
        }
    }

    /** Stages one contact's change and returns by how much it changes the contact count. */
    private int stageChange(final WriteBatch batch, final String contactId, final EnrichedContact contact)
        throws RocksDBException {
        final EnrichedContact previous = decode(db.get(StoreKeys.contact(contactId)));
        if (previous != null && (contact == null || !previous.getLocationId().equals(contact.getLocationId()))) {
            batch.delete(StoreKeys.locationEntry(previous.getLocationId(), contactId));
        }
        if (contact == null) {
            batch.delete(StoreKeys.contact(contactId));
            return previous == null ? 0 : -1;
        }
        batch.put(StoreKeys.contact(contactId), serde.serialize(SERDE_TOPIC, contact));
        batch.put(StoreKeys.locationEntry(contact.getLocationId(), contactId), StoreKeys.EMPTY);
        return previous == null ? 1 : 0;
    }

    private List<String> indexedIds(final ReadOptions read, final String locationId, final String startAfterId,
        final int max) throws RocksDBException {
        final byte[] prefix = StoreKeys.locationPrefix(locationId);
        final List<String> ids = new ArrayList<>(max);
        try (RocksIterator iterator = db.newIterator(read)) {
            iterator.seek(startAfterId == null ? prefix : StoreKeys.locationEntry(locationId, startAfterId));
            for (; iterator.isValid() && ids.size() < max && StoreKeys.startsWith(iterator.key(), prefix);
                iterator.next()) {
                final String contactId = StoreKeys.contactIdOf(iterator.key(), prefix);
                if (!contactId.equals(startAfterId) && contactId.indexOf('/') < 0) {
                    ids.add(contactId);
                }
            }
            iterator.status();
        }
        return ids;
    }

    private List<EnrichedContact> readContacts(final ReadOptions read, final List<String> ids)
        throws RocksDBException {
        final List<EnrichedContact> contacts = new ArrayList<>(ids.size());
        for (final String id : ids) {
            final EnrichedContact contact = decode(db.get(read, StoreKeys.contact(id)));
            if (contact != null) {
                contacts.add(contact);
            }
        }
        return contacts;
    }

    private EnrichedContact decode(final byte[] value) {
        try {
            return serde.deserialize(SERDE_TOPIC, value);
        } catch (RuntimeException e) {
            throw new StoreException("a stored contact cannot be decoded; the store at " + directory
                + " may be corrupt or written by a newer version", e);
        }
    }

    private <T> T whileOpen(final StoreCall<T> call) {
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the Keeper store at " + directory + " is closed");
            }
            return call.run();
        } catch (RocksDBException e) {
            throw new StoreException("RocksDB failed at " + directory + ": " + e.getMessage(), e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** A RocksDB call, run while the store is known to be open. */
    @FunctionalInterface
    private interface StoreCall<T> {
        T run() throws RocksDBException;
    }
}
