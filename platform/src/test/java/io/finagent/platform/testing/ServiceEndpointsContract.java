package io.finagent.platform.testing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The operational surface every service has from its first day: readiness that really probes
 * its stores, Prometheus metrics, OpenAPI and Swagger UI, all open without a token.
 */
public abstract class ServiceEndpointsContract {

    /** Names of the readiness checks this service must report UP (its database, broker, Redis). */
    protected abstract List<String> readinessChecks();

    @Test
    void readinessProbesEveryStoreAndIsUp() {
        // another test may just have restarted the broker: readiness is rightly DOWN until clients reconnect
        await().atMost(Duration.ofSeconds(60)).until(() -> given().when().get("/q/health/ready").statusCode() == 200);
        var ready = given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        for (String check : readinessChecks()) {
            ready.body("checks.findAll { it.status == 'UP' }.name", hasItem(containsString(check)));
        }
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAreInPrometheusFormat() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"))
                .body(containsString("process_uptime_seconds"));
    }

    @Test
    void openApiAndSwaggerUiAreServed() {
        given().when().get("/q/openapi?format=json").then().statusCode(200).body("openapi", containsString("3."));
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
