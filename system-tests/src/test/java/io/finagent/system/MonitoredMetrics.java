package io.finagent.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The metric names that the alert rules (deploy/prometheus/rules) and the dashboards
 * (deploy/grafana/dashboards) query, read out of their PromQL: label matchers, ranges,
 * strings and grouping clauses are dropped, function names are those followed by "(".
 */
final class MonitoredMetrics {

    private static final Pattern DROPPED = Pattern.compile(
            "\"(?:[^\"\\\\]|\\\\.)*\"|\\{[^}]*}|\\[[^]]*]|\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern NAME = Pattern.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan", "Inf", "NaN");

    private MonitoredMetrics() {
    }

    /** Every metric name the rules and dashboards read; recording rules' own names (with a colon) left out. */
    static Set<String> of(Path root) {
        Set<String> names = new TreeSet<>();
        for (String expr : expressions(root)) {
            names.addAll(names(expr));
        }
        names.removeIf(n -> n.contains(":"));
        return names;
    }

    static Set<String> names(String expr) {
        Set<String> names = new TreeSet<>();
        Matcher m = NAME.matcher(DROPPED.matcher(expr).replaceAll(" "));
        while (m.find()) {
            if (!KEYWORDS.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static List<String> expressions(Path root) {
        List<String> exprs = new ArrayList<>();
        try {
            for (Path rules : files(root.resolve("deploy/prometheus/rules"), ".yml")) {
                for (JsonNode group : new ObjectMapper(new YAMLFactory()).readTree(rules.toFile()).get("groups")) {
                    group.get("rules").forEach(rule -> exprs.add(rule.get("expr").asText()));
                }
            }
            for (Path dashboard : files(root.resolve("deploy/grafana/dashboards"), ".json")) {
                new ObjectMapper().readTree(dashboard.toFile()).findValues("expr").forEach(e -> exprs.add(e.asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return exprs;
    }

    private static List<Path> files(Path directory, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
