package io.finagent.backup.rest;

import io.finagent.backup.service.CatalogueRebuild;

import java.util.List;
import java.util.Map;

/**
 * The restore's id, the chain restored (full first), what each service imported, and with
 * {@code fromArchives} what the catalogue's rebuild from the archive directory entered (else null).
 */
public record RestoreResponse(long id, List<Long> chain, Map<String, Object> services, CatalogueRebuild.Result catalogue) {
}
