package io.finagent.memory.index;

import io.finagent.memory.config.RecallConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The recall index's state, decisions, lag and skipped rows. UP whatever the state unless
 * {@code finagent.recall.index.gate-readiness}: recall answers meanwhile (comparing the newest
 * decisions one by one, and saying so), which is better than no replica at all; where other
 * replicas exist, the gate sends the traffic to those whose index is ready.
 */
@Readiness
@ApplicationScoped
public class DecisionIndexHealth implements HealthCheck {

    private final DecisionIndex index;
    private final DecisionIndexFollower follower;
    private final boolean gate;

    public DecisionIndexHealth(DecisionIndex index, DecisionIndexFollower follower, RecallConfig config) {
        this.index = index;
        this.follower = follower;
        this.gate = config.index().gateReadiness();
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("recall-index").status(!gate || index.ready())
                .withData("state", index.state().label())
                .withData("decisions", index.documents())
                .withData("lagSeconds", String.format("%.3f", follower.lagSeconds()))
                .withData("skipped", index.skippedTotal())
                .build();
    }
}
