package io.finagent.platform.json;

import com.fasterxml.jackson.core.JsonStreamContext;

import java.util.ArrayDeque;
import java.util.Deque;

/** Where a parser is, as the client wrote it: {@code marketContext.features.rsi_14}, {@code steps[2].price}. */
public final class JsonFieldPath {

    private JsonFieldPath() {
    }

    public static String of(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push("." + printable(c.getCurrentName()));
            }
        }
        String field = String.join("", parts);
        return field.startsWith(".") ? field.substring(1) : field;
    }

    /** A key as it can be shown back: U+0000 and lone surrogates as JSON escapes. */
    private static String printable(String key) {
        StringBuilder out = new StringBuilder(key.length());
        for (char c : key.toCharArray()) {
            out.append(c == '\u0000' || Character.isSurrogate(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
