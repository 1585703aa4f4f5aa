package io.finagent.backup.service;

import io.finagent.backup.domain.Backup;

import java.util.List;

/** What a restore applies: the chain of backups, full first, to each of the services. */
public record RestorePlan(List<Backup> chain, List<String> services) {

    public List<Long> backupIds() {
        return chain.stream().map(b -> b.id).toList();
    }
}
