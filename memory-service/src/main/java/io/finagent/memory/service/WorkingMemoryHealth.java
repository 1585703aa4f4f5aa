package io.finagent.memory.service;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says whether working memory's Redis answers; UP either way, because a replica without Redis
 * still records decisions, recalls and builds contexts without a session (the session calls answer 503).
 */
@Readiness
@ApplicationScoped
public class WorkingMemoryHealth implements AsyncHealthCheck {

    private final WorkingMemory memory;

    public WorkingMemoryHealth(WorkingMemory memory) {
        this.memory = memory;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return memory.ping()
                .map(ok -> HealthCheckResponse.named("working-memory").up().withData("redis", "up").build())
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named("working-memory").up()
                        .withData("redis", "down: " + e.getMessage()).build());
    }
}
