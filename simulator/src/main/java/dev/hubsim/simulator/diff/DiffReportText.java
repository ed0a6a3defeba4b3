package dev.hubsim.simulator.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report as a text table: one row per interaction, one line per difference, then the score. */
public final class DiffReportText {
    private static final int TARGET_WIDTH = 52;
    private static final String ROW = "%4s  %-" + TARGET_WIDTH + "s  %-8s  %-8s  %s%n";

    private DiffReportText() {
    }

    public static String render(DiffReport report) {
        StringBuilder text = new StringBuilder();
        text.append("hubsim diff ").append(report.recording()).append('\n');
        text.append("  recorded from ").append(report.server())
                .append(report.serverVersion() == null ? "" : " " + report.serverVersion())
                .append("; replayed against a fresh mock (auth ").append(report.mockAuth()).append(")\n\n");
        text.append(String.format(Locale.ROOT, ROW, "#", "request", "status", "result", "what differs"));
        for (InteractionResult result : report.interactions()) {
            List<String> lines = new ArrayList<>();
            result.unexplained().forEach(d -> lines.add(d.toString()));
            result.known().forEach(k -> lines.add(k.difference() + "  [known: " + k.id() + "]"));
            String status = result.recordedStatus() == result.mockStatus() ? Integer.toString(result.recordedStatus())
                    : result.recordedStatus() + "->" + result.mockStatus();
            String verdict = result.verdict().equals("differs") ? "DIFFERS" : result.verdict();
            text.append(String.format(Locale.ROOT, ROW, result.number(), shorten(result.method() + " " + result.target()),
                    status, verdict, lines.isEmpty() ? "" : lines.get(0)));
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                text.append(String.format(Locale.ROOT, ROW, "", "", "", "", line));
            }
        }
        text.append('\n').append(String.format(Locale.ROOT, "Score: %d/%d interactions identical (%s), %d with known "
                        + "divergences only, %d with unexplained differences%n", report.identical(), report.total(),
                percent(report.identical(), report.total()), report.known(), report.differing()));
        for (Map.Entry<String, Long> aspect : report.byAspect().entrySet()) {
            text.append(String.format(Locale.ROOT, "  %-11s %d/%d (%s)%n", aspect.getKey(), aspect.getValue(),
                    report.total(), percent(aspect.getValue(), report.total())));
        }
        List<InteractionResult.Explained> reasons = report.interactions().stream().flatMap(i -> i.known().stream())
                .filter(distinctIds()).toList();
        if (!reasons.isEmpty()) {
            text.append("Known divergences:\n");
            reasons.forEach(k -> text.append("  ").append(k.id()).append(": ").append(k.reason()).append('\n'));
        }
        text.append(report.passes() ? "Every divergence is known.\n" : "Unexplained differences: fix the mock or list "
                + "them with a reason in the known-divergences file.\n");
        return text.toString();
    }

    private static java.util.function.Predicate<InteractionResult.Explained> distinctIds() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return k -> seen.add(k.id());
    }

    private static String shorten(String request) {
        return request.length() <= TARGET_WIDTH ? request : request.substring(0, TARGET_WIDTH - 3) + "...";
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }
}
