package io.finagent.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

import java.io.IOException;

/**
 * Reads JSON as the parser it wraps, refusing three things the JSON grammar allows but the
 * stores behind the edge do not: the character U+0000 and a lone UTF-16 surrogate in a string or
 * a key (PostgreSQL's text and JSON types refuse both), and a number beyond the range of a double
 * ({@code 1e400}: infinity once read as one, and not JSON when written again). Every read of a
 * token goes through {@link #nextToken()}: Jackson's other {@code next…} methods call it.
 */
final class EdgeJsonParser extends JsonParserDelegate {

    EdgeJsonParser(JsonParser parser) {
        super(parser);
    }

    @Override
    public JsonToken nextToken() throws IOException {
        return checked(super.nextToken());
    }

    @Override
    public JsonToken nextValue() throws IOException {
        return checked(super.nextValue());
    }

    private JsonToken checked(JsonToken token) throws IOException {
        if (token == JsonToken.FIELD_NAME) {
            refuseUnstorable(currentName(), "a key");
        } else if (token == JsonToken.VALUE_STRING) {
            refuseUnstorable(getText(), "a string");
        } else if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
            // read from its text: asking the parser for the number would parse it before Jackson does, and
            // Jackson's buffer of a field it meets before a record's others then fails on a number past a long
            if (!Double.isFinite(Double.parseDouble(getText()))) {
                throw refused("a number must be within ±1.7976931348623157e308");
            }
        }
        return token;
    }

    private void refuseUnstorable(String text, String what) throws RefusedJsonValue {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                throw refused(what + " must not contain the character U+0000");
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                throw refused(what + " must not contain a lone UTF-16 surrogate (\\u" + Integer.toHexString(c) + ")");
            }
        }
    }

    private RefusedJsonValue refused(String message) {
        return new RefusedJsonValue(this, JsonFieldPath.of(getParsingContext()), message);
    }
}
