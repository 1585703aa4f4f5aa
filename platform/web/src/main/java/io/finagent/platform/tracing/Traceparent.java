package io.finagent.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The W3C {@code traceparent} of a trace, as text: how a trace outlives the request that began it
 * when its work goes on later from a stored row (an outbox event, a pending measurement).
 * Null where there is no trace (tracing off, or work no request began).
 */
public final class Traceparent {

    /** The Kafka header, and the HTTP header, that carries it. */
    public static final String HEADER = "traceparent";

    private static final TextMapGetter<String> STORED = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(HEADER);
        }

        @Override
        public String get(String carrier, String key) {
            return HEADER.equals(key) ? carrier : null;
        }
    };

    private Traceparent() {
    }

    /**
     * The traceparent of the span current on this thread or Vert.x context; null with tracing off
     * (a disabled SDK still makes spans that go nowhere, and their ids are not worth keeping).
     */
    public static String current() {
        return On.TRACING ? of(Span.current().getSpanContext()) : null;
    }

    /** Read once, when first asked: the setting is fixed for the life of the process. */
    private static final class On {
        static final boolean TRACING = !ConfigProvider.getConfig().getOptionalValue("quarkus.otel.sdk.disabled", Boolean.class).orElse(false);
    }

    public static String of(SpanContext span) {
        if (!span.isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(Span.wrap(span)), carrier, Map::put);
        return carrier.get(HEADER);
    }

    /** A context whose parent is the stored trace; the root context when there is none or it does not parse. */
    public static Context parent(String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, STORED);
    }
}
