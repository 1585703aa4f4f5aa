package io.finagent.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The demo's report: one HTML file, its charts inline SVG, nothing fetched from elsewhere. */
final class HtmlReport {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 240;

    private HtmlReport() {
    }

    static void write(Path file, DaySummary summary) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.writeString(file, html(summary));
    }

    static String html(DaySummary s) {
        DaySummary.Tally recall = s.afterRecall();
        DaySummary.Tally alone = s.withoutRecall();
        StringBuilder rows = new StringBuilder();
        List<DaySummary.Decision> last = s.decisions().subList(Math.max(0, s.decisions().size() - 15), s.decisions().size());
        for (DaySummary.Decision d : last) {
            rows.append("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>%n".formatted(d.decidedAt().toString().substring(0, 10),
                    escape(d.symbol()), d.decisionType(), d.outcome() == null ? "pending" : DaySummary.signedPercent(d.outcome().doubleValue()),
                    escape(d.reasoning())));
        }
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>FinAgent: an agent's day</title>
                <style>body{font-family:system-ui,sans-serif;max-width:780px;margin:2em auto;color:#222}
                td,th{padding:2px 8px;text-align:left;font-size:90%%}pre{background:#f4f4f4;padding:1em}</style></head><body>
                <h1>An agent's day</h1>
                <pre>%s</pre>
                <h2>Equity curve of portfolio %d</h2>
                %s
                <h2>Did recall help?</h2>
                <p>Win rate (outcome above 0) of the decisions that followed similar past decisions; of the momentum rule alone
                on those same days (where recall took the other side, the opposite return); and of the decisions taken with no
                measured precedent in memory.</p>
                %s
                <h2>The last decisions</h2>
                <table><tr><th>day</th><th>symbol</th><th>decision</th><th>outcome</th><th>reasoning</th></tr>
                %s</table>
                </body></html>
                """.formatted(escape(s.text()), s.portfolioId(), equitySvg(s.equity()), recallSvg(recall, s.ruleAloneWhereRecallWasFollowed(), alone), rows);
    }

    private static String equitySvg(List<DaySummary.EquityPoint> equity) {
        if (equity.size() < 2) {
            return "<p>No valuations yet.</p>";
        }
        double min = equity.stream().mapToDouble(p -> p.value().doubleValue()).min().orElse(0);
        double max = equity.stream().mapToDouble(p -> p.value().doubleValue()).max().orElse(1);
        double span = max == min ? 1 : max - min;
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < equity.size(); i++) {
            double x = 60 + (WIDTH - 70) * i / (double) (equity.size() - 1);
            double y = 10 + (HEIGHT - 40) * (1 - (equity.get(i).value().doubleValue() - min) / span);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return """
                <svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" role="img" aria-label="equity curve">
                <polyline fill="none" stroke="#1f6feb" stroke-width="1.5" points="%s"/>
                <text x="0" y="16" font-size="11">%.0f</text><text x="0" y="%d" font-size="11">%.0f</text>
                <text x="60" y="%d" font-size="11">%s</text><text x="%d" y="%d" font-size="11" text-anchor="end">%s</text>
                </svg>""".formatted(WIDTH, HEIGHT, points.toString().trim(), max, HEIGHT - 30, min, HEIGHT - 5,
                equity.get(0).at().toString().substring(0, 10), WIDTH - 10, HEIGHT - 5,
                equity.get(equity.size() - 1).at().toString().substring(0, 10));
    }

    private static String recallSvg(DaySummary.Tally recall, DaySummary.Tally ruleAlone, DaySummary.Tally alone) {
        return """
                <svg xmlns="http://www.w3.org/2000/svg" width="%d" height="160" role="img" aria-label="win rates">
                %s%s%s<line x1="%.1f" y1="5" x2="%.1f" y2="135" stroke="#888" stroke-dasharray="4"/>
                <text x="%.1f" y="152" font-size="11" text-anchor="middle">50 %%</text></svg>"""
                .formatted(WIDTH, bar(15, "after recall", recall, "#2da44e"), bar(55, "rule alone, same days", ruleAlone, "#9a6700"),
                        bar(95, "without recall", alone, "#cf222e"), barX(0.5), barX(0.5), barX(0.5));
    }

    private static String bar(int y, String label, DaySummary.Tally tally, String colour) {
        double rate = Double.isNaN(tally.winRate()) ? 0 : tally.winRate();
        return String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" font-size=\"12\">%s</text>"
                        + "<rect x=\"150\" y=\"%d\" width=\"%.1f\" height=\"28\" fill=\"%s\"/>"
                        + "<text x=\"%.1f\" y=\"%d\" font-size=\"12\">%s of %d</text>%n",
                y + 18, label, y, barX(rate) - 150, colour, barX(rate) + 6, y + 18, DaySummary.percent(tally.winRate()), tally.measured());
    }

    private static double barX(double rate) {
        return 150 + (WIDTH - 290) * rate;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
