package io.finagent.strategy.rest;

import jakarta.validation.constraints.Size;

/** Optional body of a restore: the changelog of the new version (default "restored version N"). */
public record RestoreRequest(@Size(max = 2000) String changelog) {
}
