package io.slipway.core.audit.export;

import java.util.Locale;

/** The formats {@code audit export} writes. */
public enum ExportFormat {
    /** Every field and both hashes, one record per line; verifiable offline ({@link JsonlVerifier}). */
    JSONL("jsonl"),
    /** One row per event for spreadsheets (commons-csv, RFC 4180 quoting, optional UTF-8 BOM). */
    CSV("csv"),
    /** A self-contained report for a browser: no script, no fetched font or style. */
    HTML("html");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    public static ExportFormat parse(String s) {
        try {
            return valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new io.slipway.core.common.UserFacingException("Unknown export format '" + s
                    + "': use jsonl, csv or html.");
        }
    }
}
