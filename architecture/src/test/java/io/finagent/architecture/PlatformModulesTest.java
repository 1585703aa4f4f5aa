package io.finagent.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service takes the platform modules it uses (docs/platform.md), and with each the tables that
 * module needs (db/messaging only when it keeps events: an outbox or an inbox): Quarkus finds migrations at build time, so each service lists its Flyway locations
 * itself, and a module without its location would fail only when its tables are first touched.
 */
class PlatformModulesTest {

    private static final List<String> SERVICES = List.of("memory-service", "portfolio-service", "strategy-service", "cache-service",
            "backup-service");
    /** A main-scope dependency on a platform module: no {@code <scope>} in its element. */
    private static final Pattern MAIN_DEPENDENCY = Pattern.compile("<artifactId>(platform-[a-z-]+)</artifactId>(?!<scope>)");

    @Test
    void everyServiceMigratesTheTablesOfExactlyThePlatformModulesItUses() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String service : SERVICES) {
            Set<String> modules = platformModules(service);
            assertTrue(modules.contains("platform-web"), service + " builds on platform-web: " + modules);
            Set<String> expected = new TreeSet<>(Set.of("db/migration"));
            if (modules.contains("platform-database")) {
                expected.add("db/operations");
            }
            if (modules.contains("platform-messaging") && keepsEvents(service)) {
                expected.add("db/messaging");
            }
            if (modules.contains("platform-backup")) {
                expected.add("db/backup");
            }
            Set<String> locations = flywayLocations(service);
            if (!locations.equals(expected)) {
                wrong.add(service + " uses " + modules + " so migrates " + expected + ", but lists " + locations);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void cacheServiceCarriesNeitherABrokerClientNorHibernate() throws IOException {
        // it neither sends nor receives events and reads PostgreSQL through the reactive client: fewer classes, less memory (docs/startup.md)
        assertEquals(Set.of("platform-web", "platform-database", "platform-backup"), platformModules("cache-service"));
    }

    @Test
    void noTwoPlatformModulesSetTheSameDefault() throws IOException {
        // all are at ordinal 100: which of two would win is undefined
        Map<String, String> setBy = new TreeMap<>();
        List<String> twice = new ArrayList<>();
        try (Stream<Path> modules = Files.list(Project.root().resolve("platform"))) {
            for (Path module : modules.sorted().toList()) {
                Path defaults = module.resolve("src/main/resources/META-INF/microprofile-config.properties");
                if (!Files.exists(defaults)) {
                    continue;
                }
                Properties properties = new Properties();
                properties.load(new StringReader(Files.readString(defaults)));
                for (String key : properties.stringPropertyNames()) {
                    String earlier = setBy.putIfAbsent(key, module.getFileName().toString());
                    if (earlier != null) {
                        twice.add(key + " in " + earlier + " and " + module.getFileName());
                    }
                }
            }
        }
        assertTrue(setBy.size() > 40, "the platform's defaults were read: " + setBy.size());
        assertEquals(List.of(), twice);
    }

    private static Set<String> platformModules(String service) throws IOException {
        Matcher dependency = MAIN_DEPENDENCY.matcher(Files.readString(Project.root().resolve(service).resolve("pom.xml")));
        Set<String> modules = new TreeSet<>();
        while (dependency.find()) {
            modules.add(dependency.group(1));
        }
        return modules;
    }

    /** Sends through the outbox or receives through the inbox (a listener without one, as backup-service's, keeps none). */
    private static boolean keepsEvents(String service) throws IOException {
        if ("true".equals(properties(service).getProperty("finagent.outbox.enabled"))) {
            return true;
        }
        try (Stream<Path> sources = Files.walk(Project.root().resolve(service).resolve("src/main/java"))) {
            return sources.filter(Files::isRegularFile).anyMatch(source -> read(source).contains("import io.finagent.platform.inbox.Inbox;"));
        }
    }

    private static Set<String> flywayLocations(String service) throws IOException {
        String locations = properties(service).getProperty("quarkus.flyway.locations", "");
        return new TreeSet<>(Arrays.stream(locations.split(",")).map(String::strip).filter(l -> !l.isEmpty()).toList());
    }

    private static Properties properties(String service) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(Project.root().resolve(service).resolve("src/main/resources/application.properties"))));
        return properties;
    }

    private static String read(Path source) {
        try {
            return Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
