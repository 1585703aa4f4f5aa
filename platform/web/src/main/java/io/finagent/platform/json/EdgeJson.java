package io.finagent.platform.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingJsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * The JSON every request body is read with: the service's own ObjectMapper, with a parser that
 * refuses, wherever it occurs (a typed field, a free-form map, a key), what PostgreSQL, a vector
 * or a comparison would refuse later with a 500 ({@link EdgeJsonParser}); a key given twice; and
 * anything after the value. Doubles from strings must be finite too ({@link FiniteDoubles}).
 * Each refusal is a 400 {@code malformed-json} naming the field as the client wrote it.
 *
 * <p>A JAX-RS {@code ContextResolver}, which Quarkus REST asks for the mapper of every body, so
 * no resource has to opt in; the ObjectMapper bean itself (events, the database's JSON) is left as it is.
 */
@Provider
@Singleton
public class EdgeJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper edge;

    public EdgeJson(ObjectMapper mapper) {
        JsonFactory factory = new CheckingFactory(mapper.getFactory());
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.edge = mapper.copyWith(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .registerModule(new FiniteDoubles());
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return edge;
    }

    /** A free-form JSON value a resource takes as text (the cache's values), read with the same checks. */
    public JsonNode read(String json) throws JsonProcessingException {
        return edge.readTree(json);
    }

    /** The service's factory (its settings and limits), whose parsers check what they read. */
    private static final class CheckingFactory extends MappingJsonFactory {

        CheckingFactory(JsonFactory source) {
            super(source, null);
        }

        @Override
        public JsonParser createParser(InputStream in) throws IOException {
            return new EdgeJsonParser(super.createParser(in));
        }

        @Override
        public JsonParser createParser(Reader r) throws IOException {
            return new EdgeJsonParser(super.createParser(r));
        }

        @Override
        public JsonParser createParser(byte[] data) throws IOException {
            return new EdgeJsonParser(super.createParser(data));
        }

        @Override
        public JsonParser createParser(byte[] data, int offset, int len) throws IOException {
            return new EdgeJsonParser(super.createParser(data, offset, len));
        }

        @Override
        public JsonParser createParser(String content) throws IOException {
            return new EdgeJsonParser(super.createParser(content));
        }

        @Override
        public JsonParser createParser(char[] content, int offset, int len) throws IOException {
            return new EdgeJsonParser(super.createParser(content, offset, len));
        }

        @Override
        public JsonFactory copy() {
            return new CheckingFactory(this);
        }
    }
}
