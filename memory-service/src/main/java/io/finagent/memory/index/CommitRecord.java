package io.finagent.memory.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each commit of the recall index records beside its documents (Lucene's commit user data):
 * the layout its vectors were built with, the database it copies, how far it has followed it, the
 * feature slots its vectors use, and the decisions it skipped.
 */
record CommitRecord(String layout, String database, FeedPosition position, Map<String, Integer> slots,
                    List<SkippedDecision> skipped) {

    private static final String LAYOUT = "finagent.layout";
    private static final String DATABASE = "finagent.database";
    private static final String POSITION = "finagent.position";
    private static final String SLOTS = "finagent.slots";
    private static final String SKIPPED = "finagent.skipped";

    Map<String, String> encode(ObjectMapper json) {
        try {
            return Map.of(LAYOUT, layout, DATABASE, database, POSITION, position.encode(),
                    SLOTS, json.writeValueAsString(slots), SKIPPED, json.writeValueAsString(skipped));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The record of a commit this service can follow: empty when it was made for another layout or database. */
    static Optional<CommitRecord> followable(Map<String, String> data, String layout, String database, ObjectMapper json)
            throws JsonProcessingException {
        if (!layout.equals(data.get(LAYOUT)) || !database.equals(data.get(DATABASE)) || data.get(POSITION) == null) {
            return Optional.empty();
        }
        return Optional.of(new CommitRecord(layout, database, FeedPosition.decode(data.get(POSITION)),
                json.readValue(data.get(SLOTS), new TypeReference<Map<String, Integer>>() {
                }),
                json.readValue(data.getOrDefault(SKIPPED, "[]"), new TypeReference<List<SkippedDecision>>() {
                })));
    }
}
