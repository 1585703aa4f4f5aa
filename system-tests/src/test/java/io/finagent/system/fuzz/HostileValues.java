package io.finagent.system.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The values the fuzz suite puts where a service expects something sensible: each class of input
 * that once ended in a 500 (issue 18), their relatives, and random strings and numbers.
 */
final class HostileValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** As JSON text: not all of them can be held by a JSON tree (1e400, a lone surrogate). */
    private static final List<String> JSON_VALUES = List.of(
            "\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"x\\udc00\"", "\"\\u202e\"", "\"%00\"",
            "1e400", "-1e400", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"1e400\"", "1e308", "-1e308", "4.9e-324", "1e-400",
            "-0", "0", "-1", "1.5", "0.00000001", "12.345678901", "0.1234567890123456789012345678901234567890",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1" + "0".repeat(400),
            "\"\"", "\" \"", "\"" + "x".repeat(5000) + "\"", "null", "true", "false", "[]", "{}", "[null]", "[1, \"a\", {}]",
            "{\"a\": {\"b\": {\"c\": 1}}}", "[" + "[".repeat(300) + "]".repeat(300) + "]",
            "\"+999999999-12-31T23:59:59Z\"", "\"-999999999-01-01T00:00:00Z\"", "\"0000-01-01T00:00:00Z\"",
            "\"2026-13-45T99:99:99Z\"", "\"1970-01-01T00:00:00Z\"", "\"2026-12-03T00:00:00+14:00\"",
            "\"9999-12-31T23:59:59.999999999Z\"", "\"1899-12-31T23:59:59Z\"", "\"'; DROP TABLE decision_history;--\"",
            "\"BUY\"", "\"buy\"", "\"AAPL\"");

    /** As they go in a path segment or a query parameter: already percent-encoded. */
    private static final List<String> URL_VALUES = List.of(
            "%00", "a%00b", "-1", "0", "1", "99999999999999999999", "9223372036854775808", "abc", "%F0%9F%98%80", "%C3%A9",
            "%ED%A0%80", "%2e%2e", "x".repeat(3000), "%20", "1.5", "1e400", "NaN", "Infinity", "null", "true", "",
            "%2B999999999-12-31T23:59:59Z", "2026-13-45T00:00:00Z", "1899-12-31T23:59:59Z", "2026-12-03T00:00:00Z", "%27%3B--");

    private HostileValues() {
    }

    static String json(Draws draws) {
        return switch (draws.weighted(6, 1, 1, 1)) {
            case 0 -> draws.pick(JSON_VALUES);
            case 1 -> quoted(draws.anyString(24));
            case 2 -> String.valueOf(draws.anyLong());
            default -> String.valueOf(draws.anyDouble());
        };
    }

    static String url(Draws draws) {
        return switch (draws.weighted(5, 1, 1)) {
            case 0 -> draws.pick(URL_VALUES);
            case 1 -> URLEncoder.encode(draws.anyString(12), StandardCharsets.UTF_8);
            default -> String.valueOf(draws.anyLong());
        };
    }

    static String quoted(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
