package io.finagent.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One meter naming style (docs/conventions.md, Metrics): every meter the services register is
 * named in Micrometer's dotted lowercase, {@code finagent.cache.hits}, which Prometheus writes
 * {@code finagent_cache_hits_total}. Read from the sources, since a name is a string the compiled
 * classes only hold as a constant.
 */
class MeterNamesTest {

    /** A meter registered by name: {@code registry.counter("…"}, {@code Counter.builder("…"}, {@code gauge(registry, "…"}. */
    private static final Pattern REGISTERED = Pattern.compile(
            "(?:counter|gauge|builder|timer|summary)\\((?:registry, )?\"(finagent[._][^\"]*)\"");
    private static final Pattern STYLE = Pattern.compile("finagent(\\.[a-z0-9]+)+");

    @Test
    void everyMeterIsNamedInDottedLowercase() throws IOException {
        List<String> names = new ArrayList<>();
        List<String> offending = new ArrayList<>();
        for (Path source : Project.mainSources()) {
            Matcher meter = REGISTERED.matcher(Files.readString(source));
            while (meter.find()) {
                names.add(meter.group(1));
                if (!STYLE.matcher(meter.group(1)).matches()) {
                    offending.add(source.getFileName() + ": " + meter.group(1));
                }
            }
        }
        assertTrue(names.size() > 30, "the services' meters were found: " + names);
        assertEquals(List.of(), offending, "meters not named finagent.<dotted.lowercase>");
    }

    @Test
    void theStyleRefusesUnderscoresAndCapitals() {
        for (String name : List.of("finagent_cache_hits", "finagent.working_memory.lost", "finagent.Cache.hits", "finagent")) {
            assertTrue(!STYLE.matcher(name).matches(), name);
        }
        assertTrue(STYLE.matcher("finagent.recall.index.lag.seconds").matches());
    }
}
