package io.finagent.platform.performance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns of a scan's filter, as the planner prints it ({@code ((user_id = $1) AND
 * ((symbol)::text = $2) AND (executed_at >= $3))}), in the order a B-tree index wants them: the
 * columns compared for equality first, then one compared by range. Other conditions (OR, LIKE,
 * functions of a column) are left out: an index on the bare column would not serve them.
 */
final class FilterColumns {

    private static final Pattern CONDITION = Pattern.compile(
            "\\(*(?:[a-z_][a-z0-9_]*\\.)?\"?([a-z_][a-z0-9_$]*)\"?\\)?(?:::[a-z ]+(?:\\[\\])?)?\\s*(= ANY|=|<=|>=|<|>)\\s");
    private static final int MAX_COLUMNS = 3;

    private FilterColumns() {
    }

    static List<String> of(String filter, Set<String> tableColumns) {
        if (filter.contains(" OR ")) {
            return List.of();
        }
        Set<String> equal = new LinkedHashSet<>();
        Set<String> range = new LinkedHashSet<>();
        for (String condition : filter.split(" AND ")) {
            Matcher m = CONDITION.matcher(condition.strip());
            if (m.lookingAt() && tableColumns.contains(m.group(1))) {
                (m.group(2).startsWith("=") ? equal : range).add(m.group(1));
            }
        }
        List<String> columns = new ArrayList<>(equal);
        range.stream().filter(c -> !equal.contains(c)).findFirst().ifPresent(columns::add);
        return columns.subList(0, Math.min(columns.size(), MAX_COLUMNS));
    }
}
