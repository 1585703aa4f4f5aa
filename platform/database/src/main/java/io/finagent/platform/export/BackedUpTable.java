package io.finagent.platform.export;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A table a service backs up, with the columns of its key (as its row_changes trigger names them). */
public record BackedUpTable(String name, List<String> keyColumns) {

    /** Tables whose rows never leave for an archive: the agent's memory and the ledger. */
    public static final Set<String> NEVER_ARCHIVED = Set.of("ai_memory", "transactions");

    public BackedUpTable {
        keyColumns = List.copyOf(keyColumns);
        if (keyColumns.isEmpty()) {
            throw new IllegalArgumentException(name + ": a backed-up table needs its key columns");
        }
    }

    public String quoted() {
        return quote(name);
    }

    /** The key columns, quoted: {@code "id"}, or {@code t."id"} with an alias. */
    public String keys(String alias) {
        return keyColumns.stream().map(c -> (alias.isEmpty() ? "" : alias + ".") + quote(c)).collect(Collectors.joining(", "));
    }

    public static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
