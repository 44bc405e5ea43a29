package io.slipway.core.audit.export;

import io.slipway.core.audit.AuditEvent;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A self-contained HTML report: inline styles only, no script, no font, image or style fetched from anywhere, so
 * it opens the same on a laptop with no network. Shows the chain head, the verification result at export time,
 * then the events grouped by day (UTC) and, within a day, by action. Holds one day's events at a time.
 */
final class HtmlSink implements ExportSink {
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1b1f24}
            h1{font-size:20px}h2{font-size:16px;margin-top:28px;border-bottom:1px solid #ccc}
            h3{font-size:14px;margin:14px 0 4px}table{border-collapse:collapse;width:100%;font-size:12px}
            td,th{border:1px solid #ddd;padding:3px 6px;vertical-align:top;text-align:left}
            th{background:#f3f4f6}.mono{font-family:ui-monospace,Consolas,monospace;font-size:11px;word-break:break-all}
            .ok{color:#116329;font-weight:bold}.bad{color:#b42318;font-weight:bold}.meta td:first-child{width:180px}
            """;

    private final Writer out;
    private LocalDate day;
    private final Map<String, List<AuditEvent>> byAction = new TreeMap<>();

    HtmlSink(Writer out) {
        this.out = out;
    }

    @Override
    public void begin(ExportHeader h) throws IOException {
        out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Slipway audit report</title>"
                + "<style>" + STYLE + "</style></head><body>\n<h1>Slipway audit report</h1>\n<table class=\"meta\">");
        row("Workspace", h.workspace());
        row("Exported at", h.exportedAt().toString());
        row("Exported by", h.createdBy());
        row("Filter", h.filter().isEmpty() ? "all events" : h.filter().toString());
        row("Chain head", "event " + h.chainHead().seq() + ", hash " + h.chainHead().hash());
        if (h.verification() != null) {
            out.write("<tr><td>Verification at export</td><td>" + (h.verification().intact()
                    ? "<span class=\"ok\">intact</span>: " + h.verification().eventsChecked() + " events"
                    : "<span class=\"bad\">BROKEN</span> at event " + h.verification().firstBrokenSeq().orElseThrow()
                            + ": " + esc(h.verification().reason())) + "</td></tr>");
        }
        row("Signing key", h.signingKey() == null ? "unsigned" : h.signingKey()
                + " (signature in the .sig file next to this report)");
        out.write("</table>\n");
    }

    private void row(String k, String v) throws IOException {
        out.write("<tr><td>" + esc(k) + "</td><td class=\"mono\">" + esc(v) + "</td></tr>");
    }

    @Override
    public void event(AuditEvent e) throws IOException {
        LocalDate d = e.at().atZone(ZoneOffset.UTC).toLocalDate();
        if (!d.equals(day)) {
            flushDay();
            day = d;
        }
        byAction.computeIfAbsent(e.action(), a -> new ArrayList<>()).add(e);
    }

    private void flushDay() throws IOException {
        if (day == null) {
            return;
        }
        int total = byAction.values().stream().mapToInt(List::size).sum();
        out.write("<h2>" + day + " (" + total + " events)</h2>\n");
        for (Map.Entry<String, List<AuditEvent>> a : byAction.entrySet()) {
            out.write("<h3>" + esc(a.getKey()) + " (" + a.getValue().size() + ")</h3>\n<table><tr><th>#</th>"
                    + "<th>Time (UTC)</th><th>Who</th><th>Subject</th><th>Reason</th><th>Details</th><th>Hash</th></tr>");
            for (AuditEvent e : a.getValue()) {
                out.write("<tr><td>" + e.seq() + "</td><td>" + e.at() + "</td><td>" + esc(e.whoAndWhere())
                        + "</td><td>" + esc(e.subject()) + "</td><td>" + esc(e.reason() == null ? "" : e.reason())
                        + "</td><td class=\"mono\">" + esc(e.detailsJson()) + "</td><td class=\"mono\">"
                        + e.hash() + "</td></tr>");
            }
            out.write("</table>\n");
        }
        byAction.clear();
    }

    @Override
    public void gap(long fromSeq, long toSeq, String lastHash) {
        // the report shows the chosen events; their chain links are in the JSONL export
    }

    @Override
    public void end(long events, long lastSeq) throws IOException {
        flushDay();
        out.write("<p>" + events + " events.</p>\n</body></html>\n");
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
