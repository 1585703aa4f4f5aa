package io.finagent.backup.rest;

import java.util.List;
import java.util.Map;

/** The chain restored, full first, and what each service imported. */
public record RestoreResponse(List<Long> chain, Map<String, Object> services) {
}
