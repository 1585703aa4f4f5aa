package io.finagent.platform.outbox;

import io.finagent.platform.events.CloudEvent;
import io.finagent.platform.tracing.Traceparent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sends outbox rows to Kafka with acks=all and an idempotent producer, and completes only when
 * the broker has acknowledged every one of them. A row written in a trace is sent in a producer
 * span of that trace, whose {@code traceparent} header the consumers' spans continue.
 */
@ApplicationScoped
@IfBuildProperty(name = "finagent.outbox.enabled", stringValue = "true")
public class OutboxPublisher {

    private final KafkaProducer<String, String> producer;
    private final KafkaClientMetrics metrics;
    private final Tracer tracer;

    public OutboxPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, OutboxConfig config,
                           MeterRegistry registry, OpenTelemetry telemetry) {
        this.tracer = telemetry.getTracer("io.finagent.outbox");
        int timeoutMs = (int) config.sendTimeout().toMillis();
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay",
                // fail fast while the broker is down: the rows stay in the outbox for the next pass
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs + 1000,
                ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new StringSerializer());
        // kafka_producer_topic_record_send_total{topic} and the rest, as the channels' producers have
        this.metrics = new KafkaClientMetrics(producer);
        metrics.bindTo(registry);
    }

    /** Completes when all events are acknowledged; fails if any is not. */
    public Uni<Void> publish(List<PendingEvent> events) {
        // send() can block on metadata while the broker is away, so it never runs on an event loop
        return Uni.createFrom().completionStage(() -> CompletableFuture.allOf(
                        events.stream().map(this::send).toArray(CompletableFuture[]::new)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .replaceWithVoid();
    }

    private CompletableFuture<Void> send(PendingEvent event) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
        record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        Span span = span(event);
        String traceparent = Traceparent.of(span.getSpanContext());
        if (traceparent != null) {
            record.headers().add(Traceparent.HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        try {
            producer.send(record, (metadata, error) -> {
                ended(span, error);
                if (error == null) {
                    acked.complete(null);
                } else {
                    acked.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            ended(span, e);
            acked.completeExceptionally(e);
        }
        return acked;
    }

    /** A producer span in the trace the row was written in; none for a row written outside one. */
    private Span span(PendingEvent event) {
        if (event.traceparent() == null) {
            return Span.getInvalid();
        }
        return tracer.spanBuilder(event.topic() + " publish").setSpanKind(SpanKind.PRODUCER)
                .setParent(Traceparent.parent(event.traceparent()))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", event.topic())
                .setAttribute("messaging.kafka.message.key", event.key())
                .setAttribute("messaging.message.id", event.id().toString())
                .startSpan();
    }

    private static void ended(Span span, Throwable error) {
        if (error != null) {
            span.recordException(error);
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }

    @PreDestroy
    void close() {
        metrics.close();
        producer.close();
    }
}
