package io.finagent.system.fuzz;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * The seed and the number of requests of a fuzz run: fixed in the annotation for CI, and
 * {@code -Dfinagent.fuzz.seed=…} / {@code -Dfinagent.fuzz.count=…} for a longer run ({@code bin/fuzz}).
 */
public final class FuzzSettings implements AroundPropertyHook {

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        String seed = System.getProperty("finagent.fuzz.seed", "");
        String count = System.getProperty("finagent.fuzz.count", "");
        if (!seed.isBlank()) {
            context.attributes().setSeed(seed);
        }
        if (!count.isBlank()) {
            context.attributes().setTries(Integer.parseInt(count));
        }
        System.out.printf("fuzz %s: seed %s, %s requests%n", context.label(), context.attributes().seed().orElse("?"),
                context.attributes().tries().map(String::valueOf).orElse("?"));
        return property.execute();
    }
}
