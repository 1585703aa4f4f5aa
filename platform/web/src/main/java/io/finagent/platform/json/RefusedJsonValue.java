package io.finagent.platform.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;

/** A value of a request body the edge refuses ({@link EdgeJsonParser}), and the field it is in. */
public final class RefusedJsonValue extends JsonParseException {

    private final String field;

    RefusedJsonValue(JsonParser parser, String field, String message) {
        super(parser, message);
        this.field = field;
    }

    /** The field as the client wrote it; empty for the body itself. */
    public String field() {
        return field;
    }
}
