package io.finagent.backup.rest;

import java.util.List;
import java.util.Map;

/** The restore's id, the chain restored (full first), and what each service imported. */
public record RestoreResponse(long id, List<Long> chain, Map<String, Object> services) {
}
