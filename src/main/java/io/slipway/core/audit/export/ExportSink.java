package io.slipway.core.audit.export;

import io.slipway.core.audit.AuditEvent;
import java.io.IOException;

/** One export format: told the header, the events in chain order (with the gaps between them), then the end. */
interface ExportSink extends AutoCloseable {
    void begin(ExportHeader header) throws IOException;

    void event(AuditEvent e) throws IOException;

    /** Events {@code fromSeq..toSeq} were left out by the filter; the last of them hashed to {@code lastHash}. */
    void gap(long fromSeq, long toSeq, String lastHash) throws IOException;

    void end(long events, long lastSeq) throws IOException;

    @Override
    void close() throws IOException;
}
