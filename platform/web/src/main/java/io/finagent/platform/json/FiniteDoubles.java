package io.finagent.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;

/**
 * A double or float field takes only finite values. JSON numbers are checked by the parser
 * ({@link EdgeJsonParser}); this refuses the strings Jackson turns into doubles: {@code "NaN"},
 * {@code "Infinity"}, {@code "1e400"}.
 */
final class FiniteDoubles extends SimpleModule {

    FiniteDoubles() {
        super("finagent-finite-doubles");
        addDeserializer(Double.class, new Checked(Double.class, null));
        addDeserializer(double.class, new Checked(double.class, 0.0));
    }

    private static final class Checked extends NumberDeserializers.DoubleDeserializer {

        Checked(Class<Double> type, Double empty) {
            super(type, empty);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Double value = super.deserialize(p, ctxt);
            if (value != null && !Double.isFinite(value)) {
                throw InvalidFormatException.from(p, "must be a finite number", p.getText(), Double.class);
            }
            return value;
        }
    }
}
