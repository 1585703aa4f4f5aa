package io.finagent.cache.rest;

import jakarta.validation.constraints.NotBlank;

/** A glob of key names: {@code *} any run, {@code ?} one character, {@code [abc]} one of, {@code \} escapes. */
public record InvalidationRequest(@NotBlank String pattern) {
}
