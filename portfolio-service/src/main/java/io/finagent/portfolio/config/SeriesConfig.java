package io.finagent.portfolio.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The time-series store: QuestDB locally, written over the InfluxDB v2 API, read over its PostgreSQL port. */
@ConfigMapping(prefix = "finagent.questdb")
public interface SeriesConfig {

    /** Where the InfluxDB v2 write API answers ({@code /api/v2/write}); default in application.properties. */
    String httpUrl();

    /** Default in application.properties, with the other addresses a deployment must set. */
    String pgHost();

    @WithDefault("8812")
    int pgPort();

    @WithDefault("admin")
    String user();

    @WithDefault("quest")
    String password();

    @WithDefault("qdb")
    String database();

    /** How often the backlog is sent; while the store is down it grows in PostgreSQL and is sent when it is back. */
    @WithDefault("1s")
    Duration flushInterval();

    /** Points sent per write. */
    @WithDefault("5000")
    int flushBatch();
}
