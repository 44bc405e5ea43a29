package io.slipway.core.audit.export;

import io.slipway.core.audit.AuditEvent;
import java.io.IOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One row per event, through commons-csv (RFC 4180: fields with commas, quotes or line breaks are quoted, quotes
 * doubled). With {@code bom}, the file starts with a UTF-8 byte-order mark so spreadsheet programs read it as UTF-8.
 * Rows are written as they come: memory stays bounded whatever the trail's size.
 */
final class CsvSink implements ExportSink {
    static final String[] COLUMNS = {"seq", "at", "who", "host", "action", "subject", "reason", "details",
        "hash_version", "prev_hash", "hash"};

    private final Writer out;
    private final boolean bom;
    private CSVPrinter csv;

    CsvSink(Writer out, boolean bom) {
        this.out = out;
        this.bom = bom;
    }

    @Override
    public void begin(ExportHeader header) throws IOException {
        if (bom) {
            out.write('\uFEFF');
        }
        csv = CSVFormat.RFC4180.builder().setHeader(COLUMNS).get().print(out);
    }

    @Override
    public void event(AuditEvent e) throws IOException {
        csv.printRecord(e.seq(), e.at(), e.who(), e.host(), e.action(), e.subject(), e.reason(), e.detailsJson(),
                e.hashVersion(), e.prevHash(), e.hash());
    }

    @Override
    public void gap(long fromSeq, long toSeq, String lastHash) {
        // a spreadsheet shows the chosen events only; the JSONL export carries the chain's gaps
    }

    @Override
    public void end(long events, long lastSeq) throws IOException {
        csv.flush();
    }

    @Override
    public void close() throws IOException {
        if (csv != null) {
            csv.close();
        } else {
            out.close();
        }
    }
}
