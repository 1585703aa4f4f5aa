package io.finagent.platform.backup;

import java.util.List;
import java.util.stream.Collectors;

/** A table a service backs up, with the columns of its key (as its row_changes trigger names them). */
public record BackedUpTable(String name, List<String> keyColumns) {

    public BackedUpTable {
        keyColumns = List.copyOf(keyColumns);
        if (keyColumns.isEmpty()) {
            throw new IllegalArgumentException(name + ": a backed-up table needs its key columns");
        }
    }

    String quoted() {
        return quote(name);
    }

    /** The key columns, quoted: {@code "id"}, or {@code t."id"} with an alias. */
    String keys(String alias) {
        return keyColumns.stream().map(c -> (alias.isEmpty() ? "" : alias + ".") + quote(c)).collect(Collectors.joining(", "));
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
