package io.finagent.platform.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.finagent.platform.problem.Problem;
import io.finagent.platform.problem.ProblemMappers;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What the edge refuses in any request body, wherever it is: each class of input that reached
 * PostgreSQL or a vector and came back as a 500 is a 400 naming the field as the client wrote it.
 */
class EdgeJsonTest {

    record Body(String name, double x, Double y, Map<String, Object> free, List<String> tags, BigDecimal amount) {
    }

    private final ObjectMapper json = new EdgeJson(new ObjectMapper().registerModule(new JavaTimeModule())).getContext(Body.class);

    @Test
    void anOrdinaryBodyIsReadAsBeforeWithDecimalsExact() throws Exception {
        Body body = json.readValue("""
                {"name": "ann \\ud83d\\ude00", "x": 1.5, "y": -2e300, "free": {"a": {"b": [1, "two", null]}},
                 "tags": ["t"], "amount": 0.1000000000000000055511151231257827}""", Body.class);
        assertEquals("ann \ud83d\ude00", body.name());
        assertEquals(new BigDecimal("0.1000000000000000055511151231257827"), body.amount());
        assertEquals(Map.of("a", Map.of("b", java.util.Arrays.asList(1, "two", null))), body.free());
    }

    @Test
    void theCharacterU0000IsRefusedInAStringAKeyAndAFreeFormValue() {
        assertRefused("{\"name\": \"a\\u0000b\"}", "name", "U+0000");
        assertRefused("{\"free\": {\"a\": {\"b\": \"\\u0000\"}}}", "free.a.b", "U+0000");
        assertRefused("{\"free\": {\"k\\u0000\": 1}}", "free.k\\u0000", "a key");
        assertRefused("{\"tags\": [\"ok\", \"\\u0000\"]}", "tags[1]", "U+0000");
    }

    @Test
    void aLoneSurrogateIsRefused() {
        assertRefused("{\"name\": \"\\ud800\"}", "name", "surrogate");
        assertRefused("{\"free\": {\"s\": \"x\\udc00\"}}", "free.s", "surrogate");
    }

    /** Found by bin/fuzz (seed 20261204): a number past Long, in a field a record does not have, was a 500 (Jackson's buffer of it). */
    @Test
    void aNumberPastTheRangeOfALongInAnUnknownFieldIsReadAsAnyOtherUnknownField() throws Exception {
        ObjectMapper lenient = new EdgeJson(new ObjectMapper().registerModule(new JavaTimeModule())
                .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)).getContext(Body.class);
        Body body = lenient.readValue("{\"unknownField\": -9223372036854775809, \"name\": \"n\", \"x\": 2}", Body.class);
        assertEquals("n", body.name());
        assertEquals(2.0, body.x());
        assertEquals("n", lenient.readValue("{\"name\": \"n\", \"unknownField\": 1" + "0".repeat(300) + "}", Body.class).name());
    }

    @Test
    void aNumberBeyondTheRangeOfADoubleIsRefusedWhereverItIs() {
        assertRefused("{\"x\": 1e400}", "x", "±1.79");
        assertRefused("{\"free\": {\"big\": -1e400}}", "free.big", "±1.79");
        assertRefused("{\"amount\": 1" + "0".repeat(400) + "}", "amount", "±1.79");
    }

    @Test
    void aDoubleGivenAsANonFiniteStringIsRefused() {
        for (String value : List.of("\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"1e400\"")) {
            assertRefused("{\"y\": " + value + "}", "y", "finite");
            assertRefused("{\"x\": " + value + "}", "x", "finite");
        }
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        assertRefused("{\"name\": \"a\", \"x\": 1, \"name\": \"b\"}", "name", "Duplicate field");
        assertRefused("{\"free\": {\"k\": 1, \"k\": 2}}", "free.k", "Duplicate field");
    }

    @Test
    void anythingAfterTheValueIsRefused() {
        assertRefused("{\"name\": \"a\"} {\"name\": \"b\"}", "", "Trailing token");
        assertRefused("{\"name\": \"a\"} x", "", "");
    }

    /** Read as Quarkus REST reads a body, and answered as ProblemMappers answers the failure. */
    private void assertRefused(String body, String field, String message) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> json.readValue(body, Body.class), body);
        Response response = new ProblemMappers().malformedJson(e);
        Problem problem = (Problem) response.getEntity();
        assertEquals(400, response.getStatus(), body);
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        if (field.isEmpty()) {
            assertEquals(List.of(), problem.errors(), body + ": " + problem.detail());
        } else {
            assertEquals(field, problem.errors().get(0).field(), body + ": " + problem.detail());
        }
        assertEquals(true, problem.detail().contains(message), body + ": " + problem.detail());
    }
}
