package io.finagent.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service must be told in production, read from its own configuration (the platform's
 * defaults and its application.properties, prod profile) rather than listed by hand, so a new
 * setting pointing at localhost fails the deploy checks until compose and Kubernetes set it.
 * A setting is required when its default points at this machine (localhost, 127.0.0.1, the
 * home directory), is a password, or is an empty placeholder; and every service needs the key
 * that verifies tokens.
 */
record RequiredSettings(String service, List<Setting> settings) {

    static final Pattern LOCAL = Pattern.compile("localhost|127\\.0\\.0\\.1|\\$\\{user\\.home}");
    private static final Pattern PLATFORM_MODULE = Pattern.compile("<artifactId>platform-([a-z-]+)</artifactId>(?!<scope>)");
    private static final Pattern EMPTY_PLACEHOLDER = Pattern.compile("^\\$\\{[A-Za-z0-9_.-]+:}$");

    /** One required setting, satisfied by any of its properties (e.g. the key inline or its file). */
    record Setting(String why, List<String> properties) {
        List<String> envNames() {
            return properties.stream().map(RequiredSettings::envName).toList();
        }
    }

    static final List<String> SERVICES =
            List.of("memory-service", "portfolio-service", "strategy-service", "cache-service", "backup-service");

    static RequiredSettings of(String service) {
        Map<String, String> config = new TreeMap<>();
        for (String module : platformModules(service)) {
            config.putAll(read(Repo.path("platform/" + module + "/src/main/resources/META-INF/microprofile-config.properties")));
        }
        config.putAll(read(Repo.path(service + "/src/main/resources/application.properties")));
        List<Setting> settings = new ArrayList<>();
        settings.add(new Setting("verifies tokens", List.of("mp.jwt.verify.publickey", "mp.jwt.verify.publickey.location")));
        config.forEach((key, value) -> {
            if (LOCAL.matcher(value).find()) {
                settings.add(new Setting("defaults to this machine: " + value, List.of(key)));
            } else if (key.endsWith(".password")) {
                settings.add(new Setting("a password", List.of(key)));
            } else if (EMPTY_PLACEHOLDER.matcher(value).matches()) {
                settings.add(new Setting("empty by default", List.of(key)));
            }
        });
        return new RequiredSettings(service, settings);
    }

    /** The platform modules a service builds on (its pom's main-scope platform-* dependencies), whose defaults it has. */
    private static List<String> platformModules(String service) {
        try {
            Matcher dependency = PLATFORM_MODULE.matcher(Files.readString(Repo.path(service + "/pom.xml")));
            List<String> modules = new ArrayList<>();
            while (dependency.find()) {
                modules.add(dependency.group(1));
            }
            return modules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SmallRye's environment name of a property: upper case, every other character an underscore. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    /** The settings of the prod profile: plain keys, overridden by {@code %prod.} and {@code %dev,prod.} ones. */
    private static Map<String, String> read(Path file) {
        Properties raw = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            raw.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(file.toString(), e);
        }
        Map<String, String> plain = new TreeMap<>();
        Map<String, String> prod = new TreeMap<>();
        for (String key : raw.stringPropertyNames()) {
            if (!key.startsWith("%")) {
                plain.put(key, raw.getProperty(key));
            } else {
                int dot = key.indexOf('.');
                if (List.of(key.substring(1, dot).split(",")).contains("prod")) {
                    prod.put(key.substring(dot + 1), raw.getProperty(key));
                }
            }
        }
        plain.putAll(prod);
        return plain;
    }
}
