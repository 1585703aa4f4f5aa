package io.finagent.backup.service;

import io.finagent.backup.domain.BackupType;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a backup's archive says it is, in its manifest's {@code about}: enough to put it back into a
 * lost catalogue ({@link CatalogueRebuild}) and to restore it and its chain. Plain JSON values.
 */
public record BackupDescription(long id, BackupType type, Long parentId, List<String> services,
                                Map<String, Map<String, String>> watermarks, Instant snapshotAt) {

    private static final String KIND = "backup";

    Map<String, Object> toAbout() {
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("kind", KIND);
        about.put("id", id);
        about.put("type", type.name());
        about.put("parentId", parentId);
        about.put("services", services);
        about.put("watermarks", watermarks);
        about.put("snapshotAt", snapshotAt.toString());
        return about;
    }

    /** The description an archive's manifest carries; empty for an archive of something else, or written before descriptions. */
    @SuppressWarnings("unchecked")
    static Optional<BackupDescription> from(Map<String, Object> about) {
        if (about == null || !KIND.equals(about.get("kind"))) {
            return Optional.empty();
        }
        Object parent = about.get("parentId");
        return Optional.of(new BackupDescription(((Number) about.get("id")).longValue(), BackupType.valueOf((String) about.get("type")),
                parent == null ? null : ((Number) parent).longValue(), List.copyOf((List<String>) about.get("services")),
                (Map<String, Map<String, String>>) about.get("watermarks"), Instant.parse((String) about.get("snapshotAt"))));
    }
}
