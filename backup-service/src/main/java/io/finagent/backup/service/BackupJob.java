package io.finagent.backup.service;

import io.finagent.backup.domain.BackupType;

import java.util.List;
import java.util.Map;

/** What a running backup reads: which services, and for a delta its parent and the snapshot of each service it starts from. */
public record BackupJob(long id, BackupType type, Long parentId, List<String> services, Map<String, String> since) {

    public BackupJob {
        services = List.copyOf(services);
        since = Map.copyOf(since);
    }
}
