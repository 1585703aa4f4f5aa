package io.finagent.bench;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table, printed as the benchmark's result and pasted into the service's docs. */
public final class Table {

    private final List<String[]> rows = new ArrayList<>();
    private final String[] header;

    public Table(String... header) {
        this.header = header;
    }

    public Table row(Object... cells) {
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            r[i] = cells[i] instanceof Double d ? format(d) : String.valueOf(cells[i]);
        }
        rows.add(r);
        return this;
    }

    public static String format(double d) {
        if (Double.isNaN(d)) {
            return "–";
        }
        return Math.abs(d) >= 100 ? String.format("%.0f", d) : Math.abs(d) >= 10 ? String.format("%.1f", d) : String.format("%.2f", d);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("| ").append(String.join(" | ", header)).append(" |\n|");
        out.append("---|".repeat(header.length)).append('\n');
        rows.forEach(r -> out.append("| ").append(String.join(" | ", r)).append(" |\n"));
        return out.toString();
    }
}
