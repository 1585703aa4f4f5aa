package io.finagent.memory.index;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Says whether recall is approximate yet; UP either way, because recall answers meanwhile (exactly). */
@Readiness
@ApplicationScoped
public class DecisionIndexHealth implements HealthCheck {

    private final DecisionIndex index;

    public DecisionIndexHealth(DecisionIndex index) {
        this.index = index;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("recall-index").up()
                .withData("state", index.ready() ? "ready" : "building")
                .withData("decisions", index.documents())
                .build();
    }
}
