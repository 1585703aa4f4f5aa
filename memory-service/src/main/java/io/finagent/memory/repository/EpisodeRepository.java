package io.finagent.memory.repository;

import io.finagent.platform.entities.OwnedRows;
import io.finagent.memory.domain.Episode;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class EpisodeRepository implements OwnedRows<Episode> {
}
