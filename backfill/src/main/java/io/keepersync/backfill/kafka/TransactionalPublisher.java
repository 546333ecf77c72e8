package io.keepersync.backfill.kafka;

import io.keepersync.backfill.BackfillException;
import io.keepersync.schemas.BackfillProgress;
import io.keepersync.schemas.ContactEvent;
import io.keepersync.schemas.Topics;
import io.keepersync.schemas.serde.AvroSerde;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes a backfill's events and its checkpoint in Kafka transactions: a page's contact events and the
 * checkpoint that follows them become visible together or not at all. The transactional id is derived from the
 * location, so opening a publisher for a location fences any earlier one (another process's included) and
 * aborts its open transaction. Calls block the calling thread; not thread-safe.
 */
public final class TransactionalPublisher implements AutoCloseable {

    /**
     * Short, because GHL is never called inside a transaction: a backfill killed mid-transaction holds back
     * {@code read_committed} readers of the events topic (enrichment) at most this long.
     */
    static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaProducer<String, byte[]> producer;
    private final Topics topics;
    private final String locationId;
    private final AvroSerde<ContactEvent> events = AvroSerde.of(ContactEvent.class);
    private final AvroSerde<BackfillProgress> progress = AvroSerde.of(BackfillProgress.class);
    private boolean closed;

    private TransactionalPublisher(final KafkaProducer<String, byte[]> producer, final Topics topics,
                                   final String locationId) {
        this.producer = producer;
        this.topics = topics;
        this.locationId = locationId;
    }

    /**
     * Opens the location's transactional producer, fencing earlier ones. Blocks until Kafka confirmed.
     *
     * @param kafka producer properties, at least {@code bootstrap.servers}
     * @param transactionalIdPrefix put before {@code keeper-backfill-<locationId>}; deployments sharing a cluster
     *     use different prefixes
     */
    public static TransactionalPublisher open(final Map<String, Object> kafka, final Topics topics,
                                              final String transactionalIdPrefix, final String locationId) {
        final Map<String, Object> properties = new HashMap<>(kafka);
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId(transactionalIdPrefix, locationId));
        properties.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) TRANSACTION_TIMEOUT.toMillis());
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        final KafkaProducer<String, byte[]> producer =
            new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
        try {
            producer.initTransactions();
            return new TransactionalPublisher(producer, topics, locationId);
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
    }

    /** {@code <prefix>keeper-backfill-<locationId>}. */
    public static String transactionalId(final String prefix, final String locationId) {
        return prefix + "keeper-backfill-" + locationId;
    }

    /**
     * Publishes one page: its events keyed by contact id, then the checkpoint {@code checkpoint} makes from where
     * each event was written, in one transaction.
     *
     * @throws BackfillException when another backfill of the location took over, or Kafka refused the transaction
     */
    public void publishPage(final List<ContactEvent> page,
                            final Function<List<RecordMetadata>, BackfillProgress> checkpoint) {
        inTransaction(() -> {
            final List<Future<RecordMetadata>> sent = new ArrayList<>(page.size());
            for (final ContactEvent event : page) {
                sent.add(producer.send(new ProducerRecord<>(topics.contactEvents(), event.getContactId(),
                    events.serialize(topics.contactEvents(), event))));
            }
            producer.flush();
            sendProgress(checkpoint.apply(written(sent)));
        });
    }

    /** Publishes a checkpoint on its own. */
    public void publishProgress(final BackfillProgress checkpoint) {
        inTransaction(() -> sendProgress(checkpoint));
    }

    /** Closes at once, leaving an open transaction to be aborted by the next publisher or Kafka's timeout. */
    public void abandon() {
        final boolean interrupted = Thread.interrupted();
        try {
            closeOnce(Duration.ZERO);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Closes after the open requests completed, waiting at most 10 s. Does nothing once closed. */
    @Override
    public void close() {
        closeOnce(CLOSE_TIMEOUT);
    }

    private void closeOnce(final Duration timeout) {
        if (!closed) {
            closed = true;
            producer.close(timeout);
        }
    }

    private void sendProgress(final BackfillProgress checkpoint) {
        producer.send(new ProducerRecord<>(topics.backfillProgress(), locationId,
            progress.serialize(topics.backfillProgress(), checkpoint)));
    }

    private void inTransaction(final Runnable work) {
        try {
            producer.beginTransaction();
            work.run();
            producer.commitTransaction();
        } catch (InterruptException e) {
            throw e;
        } catch (KafkaException e) {
            if (endedByCoordinator(e)) {
                throw new BackfillException("Kafka ended the backfill's transaction for location " + locationId
                    + ": another backfill of the location took over, or the transaction timed out; this one stops", e);
            }
            abort();
            throw new BackfillException("Kafka refused the backfill's transaction for location " + locationId
                + " (" + e.getMessage() + "); run the backfill again to resume from its last checkpoint", e);
        }
    }

    /**
     * Whether the transaction coordinator ended this producer's transaction: with transactions v2 a producer
     * fenced mid-transaction may hear of it as an invalid transaction state rather than as fencing.
     */
    private static boolean endedByCoordinator(final Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProducerFencedException || cause instanceof InvalidProducerEpochException
                || cause instanceof InvalidTxnStateException) {
                return true;
            }
        }
        return false;
    }

    private void abort() {
        try {
            producer.abortTransaction();
        } catch (KafkaException ignored) {
            // The transaction is lost either way; Kafka aborts it after its timeout.
        }
    }

    private static List<RecordMetadata> written(final List<Future<RecordMetadata>> sent) {
        final List<RecordMetadata> written = new ArrayList<>(sent.size());
        try {
            for (final Future<RecordMetadata> future : sent) {
                written.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof KafkaException kafka ? kafka : new KafkaException(e.getCause());
        }
        return written;
    }
}
