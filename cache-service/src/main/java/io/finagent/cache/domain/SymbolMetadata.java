package io.finagent.cache.domain;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;

/** Reference data of one symbol, shared by every user: what it is, where it trades, its size. */
public record SymbolMetadata(String symbol, String name, String exchange, AssetType assetType, String currency, String sector,
                             String industry, BigDecimal marketCap, boolean active, JsonNode metadata, Instant updatedAt) {
}
