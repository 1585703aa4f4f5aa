package io.finagent.portfolio.series;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.InfluxDBClientOptions;
import io.finagent.portfolio.config.SeriesConfig;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/** The two clients of the time-series store: the InfluxDB v2 writer and a PostgreSQL-protocol pool for reading. */
@ApplicationScoped
public class SeriesClients {

    @Produces
    @ApplicationScoped
    InfluxDBClient writer(SeriesConfig config) {
        // QuestDB ignores organisation and bucket: the measurement names the table
        return InfluxDBClientFactory.create(InfluxDBClientOptions.builder()
                .url(config.httpUrl()).org("finagent").bucket(config.database()).build());
    }

    void close(@Disposes InfluxDBClient client) {
        client.close();
    }

    @Produces
    @ApplicationScoped
    @TimeSeries
    Pool reader(SeriesConfig config, Vertx vertx) {
        PgConnectOptions connect = new PgConnectOptions().setHost(config.pgHost()).setPort(config.pgPort())
                .setDatabase(config.database()).setUser(config.user()).setPassword(config.password())
                .setPipeliningLimit(1) // QuestDB answers one query at a time per connection
                // fail fast while the store is down or restarting, instead of waiting out the defaults
                .setConnectTimeout(2000);
        return Pool.newInstance(PgBuilder.pool().connectingTo(connect).with(new PoolOptions().setMaxSize(4).setConnectionTimeout(5)
                        .setIdleTimeout(30).setMaxLifetime(300))
                .using(vertx.getDelegate()).build());
    }

    void close(@Disposes @TimeSeries Pool pool) {
        pool.closeAndAwait();
    }
}
