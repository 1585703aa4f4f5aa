package io.finagent.platform.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Money and quantities are written as plain decimals everywhere the service writes JSON (answers,
 * events, kept contexts): {@code 0.00000000}, never {@code 0E-8}, which a NUMERIC zero of scale 8
 * would otherwise print as.
 */
@Singleton
public class PlainDecimals implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("plain-decimals").addSerializer(BigDecimal.class, new Plain()));
    }

    private static final class Plain extends StdSerializer<BigDecimal> {

        Plain() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeNumber(value.toPlainString());
        }
    }
}
