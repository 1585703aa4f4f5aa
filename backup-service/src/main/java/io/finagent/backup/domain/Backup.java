package io.finagent.backup.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One backup in the catalogue (table backups): what it is, what it is a delta of, where its archive is and whether to trust it. */
@Entity
@Table(name = "backups")
public class Backup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "backup_type", nullable = false, updatable = false)
    public BackupType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BackupStatus status = BackupStatus.PENDING;

    @Column(name = "trigger_source", nullable = false, updatable = false)
    public String triggerSource;

    @Column(name = "requested_by", updatable = false)
    public String requestedBy;

    @Column(name = "parent_backup_id")
    public Long parentId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> services;

    /** Per service: the export snapshot the next delta starts from, and when it was taken. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Map<String, String>> watermarks = Map.of();

    @Column(name = "snapshot_at")
    public Instant snapshotAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "size_bytes")
    public Long sizeBytes;

    @Column(name = "uncompressed_bytes")
    public Long uncompressedBytes;

    @Column(name = "checksum_sha256")
    public String checksum;

    @Column(name = "archive_path")
    public String archivePath;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> manifest = Map.of();

    @Column(name = "last_verified_at")
    public Instant lastVerifiedAt;

    @Column(name = "last_verify_status")
    public String lastVerifyStatus;

    @Column(name = "error_message")
    public String errorMessage;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The export snapshot of {@code service} this backup covers up to (a delta's {@code since}). */
    public String watermark(String service) {
        Map<String, String> mark = watermarks.get(service);
        return mark == null ? null : mark.get("snapshot");
    }

    /** Whether the archive holds rows of {@code service} (a configuration backup may hold only its settings). */
    public boolean holdsRowsOf(String service) {
        Object entries = manifest.get("entries");
        return entries instanceof List<?> list && list.stream().anyMatch(e -> e instanceof Map<?, ?> entry
                && entry.get("name") instanceof String name && name.startsWith(service + "/") && name.endsWith(".csv"));
    }

    public CompletedBackup completed() {
        return new CompletedBackup(id, type, parentId, snapshotAt);
    }
}
