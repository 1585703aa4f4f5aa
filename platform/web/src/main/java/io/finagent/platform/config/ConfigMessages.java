package io.finagent.platform.config;

/**
 * The messages of the configuration's constraints: SmallRye prefixes the key, these add the value
 * and the reason, so that a refused start says all three ({@code finagent.ai.temperature is 3.5,
 * must be at most 2}).
 */
public final class ConfigMessages {

    public static final String AT_LEAST = "is ${validatedValue}, must be at least {value}";
    public static final String AT_MOST = "is ${validatedValue}, must be at most {value}";
    public static final String POSITIVE = "is ${validatedValue}, must be longer than zero";
    public static final String A_DAY_OR_MORE = "is ${validatedValue}, must be a day or more";

    private ConfigMessages() {
    }
}
