package io.keepersync.gateway.publish;

import io.keepersync.gateway.metrics.GatewayMetrics;
import io.keepersync.schemas.ContactEvent;
import io.keepersync.schemas.QuarantinedEvent;
import io.keepersync.schemas.Topics;
import io.keepersync.schemas.serde.AvroSerde;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes accepted and quarantined webhooks to Kafka (Avro, Confluent wire format) and reports
 * when Kafka has acknowledged them.
 *
 * <p>Every returned future completes within the send timeout: with the record's metadata once all
 * in-sync replicas hold it, or exceptionally (timeout, broker unreachable, any send error). Futures
 * complete on the publisher's own reply threads, never on Kafka's I/O thread, so callers may do I/O in
 * their continuations. {@code publish} itself may block the calling thread while the producer waits
 * for topic metadata or buffer space, at most the send timeout ({@code max.block.ms}). Thread-safe.
 */
public final class EventPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);
    private static final int REPLY_THREADS = 2;

    private final Producer<String, byte[]> producer;
    private final Topics topics;
    private final Duration sendTimeout;
    private final GatewayMetrics metrics;
    private final ExecutorService replyExecutor = Executors.newFixedThreadPool(REPLY_THREADS, replyThreads());
    private final AvroSerde<ContactEvent> eventSerde = AvroSerde.of(ContactEvent.class);
    private final AvroSerde<QuarantinedEvent> quarantineSerde = AvroSerde.of(QuarantinedEvent.class);

    /**
     * Creates the Kafka producer; does not contact the cluster yet.
     *
     * @param kafkaProperties the user's producer properties (see {@link ProducerSettings})
     * @param maxBodyBytes the gateway's body limit; the producer accepts records of that size plus headroom
     */
    public EventPublisher(final Map<String, Object> kafkaProperties, final Topics topics,
                          final Duration sendTimeout, final long maxBodyBytes, final GatewayMetrics metrics) {
        this.producer = new KafkaProducer<>(ProducerSettings.forGateway(kafkaProperties, sendTimeout, maxBodyBytes));
        this.topics = topics;
        this.sendTimeout = sendTimeout;
        this.metrics = metrics;
    }

    /** Publishes an accepted webhook to the contact-events topic under the given key. */
    public CompletableFuture<RecordMetadata> publish(final String key, final ContactEvent event) {
        final String topic = topics.contactEvents();
        return send(new ProducerRecord<>(topic, key, eventSerde.serialize(topic, event)));
    }

    /** Publishes a webhook the pipeline does not sync to the quarantine topic. */
    public CompletableFuture<RecordMetadata> quarantine(final String key, final QuarantinedEvent event) {
        final String topic = topics.quarantine();
        return send(new ProducerRecord<>(topic, key, quarantineSerde.serialize(topic, event)));
    }

    private CompletableFuture<RecordMetadata> send(final ProducerRecord<String, byte[]> record) {
        final long started = System.nanoTime();
        final CompletableFuture<RecordMetadata> ack = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, error) -> complete(ack, metadata, error));
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
        final long remainingNanos = Math.max(1, sendTimeout.toNanos() - (System.nanoTime() - started));
        return ack.orTimeout(remainingNanos, TimeUnit.NANOSECONDS)
            .whenCompleteAsync((metadata, error) -> recordLatency(started, error == null), replyExecutor);
    }

    private static void complete(final CompletableFuture<RecordMetadata> ack, final RecordMetadata metadata,
                                 final Exception error) {
        if (error == null) {
            ack.complete(metadata);
        } else {
            ack.completeExceptionally(error);
        }
    }

    private void recordLatency(final long startedNanos, final boolean acked) {
        metrics.ackLatency(Duration.ofNanos(System.nanoTime() - startedNanos), acked);
    }

    /**
     * Sends what is buffered, waits for it (at most the send timeout) and closes the producer, then
     * stops the reply threads. Blocks the calling thread.
     */
    @Override
    public void close() {
        try {
            producer.flush();
        } catch (RuntimeException e) {
            LOG.warn("Flushing the producer before close failed: {}", e.toString());
        }
        producer.close(sendTimeout);
        stopReplyThreads();
    }

    private void stopReplyThreads() {
        replyExecutor.shutdown();
        try {
            if (!replyExecutor.awaitTermination(sendTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                replyExecutor.shutdownNow();
            }
        } catch (InterruptedException e) {
            replyExecutor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory replyThreads() {
        final AtomicInteger sequence = new AtomicInteger();
        return runnable -> {
            final Thread thread = new Thread(runnable, "gateway-reply-" + sequence.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
