package io.finagent.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check shared by compose and Kubernetes: a service's environment covers what it requires in production. */
final class Environments {

    /** A value a deployment takes from a secret store, whose content the manifest cannot show. */
    static final String FROM_SECRET = "<from a secret>";

    private Environments() {
    }

    static void assertCovers(String where, String service, Map<String, String> env) {
        List<String> missing = new ArrayList<>();
        for (RequiredSettings.Setting setting : RequiredSettings.of(service).settings()) {
            var given = setting.envNames().stream().filter(env::containsKey).findFirst();
            if (given.isEmpty()) {
                missing.add(String.join(" or ", setting.envNames()) + " (" + setting.why() + ")");
            } else if (RequiredSettings.LOCAL.matcher(env.get(given.get())).find()) {
                missing.add(given.get() + " still points at this machine: " + env.get(given.get()));
            }
        }
        assertTrue(missing.isEmpty(), where + ": " + service + " lacks " + String.join("; ", missing));
    }
}
