package io.slipway.core.audit.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slipway.core.audit.AuditEvent;
import io.slipway.core.common.Json;
import java.io.IOException;
import java.io.Writer;

/** Writes {@link JsonlFormat} records, one per line. */
final class JsonlSink implements ExportSink {
    private final Writer out;

    JsonlSink(Writer out) {
        this.out = out;
    }

    @Override
    public void begin(ExportHeader h) throws IOException {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("record", "header").put("format", JsonlFormat.FORMAT).put("formatVersion", JsonlFormat.VERSION)
                .put("createdBy", h.createdBy()).put("workspace", h.workspace())
                .put("exportedAt", h.exportedAt().toString());
        ObjectNode filter = n.putObject("filter");
        h.filter().forEach(filter::put);
        n.putObject("chainHead").put("seq", h.chainHead().seq()).put("hash", h.chainHead().hash());
        if (h.verification() != null) {
            ObjectNode v = n.putObject("verification").put("intact", h.verification().intact())
                    .put("checked", h.verification().eventsChecked()).put("reason", h.verification().reason());
            h.verification().firstBrokenSeq().ifPresent(s -> v.put("firstBroken", s));
        }
        n.put("signingKey", h.signingKey());
        line(n);
    }

    @Override
    public void event(AuditEvent e) throws IOException {
        line(JsonlFormat.event(e));
    }

    @Override
    public void gap(long fromSeq, long toSeq, String lastHash) throws IOException {
        line(JsonlFormat.gap(fromSeq, toSeq, lastHash));
    }

    @Override
    public void end(long events, long lastSeq) throws IOException {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("record", "end").put("events", events).put("lastSeq", lastSeq);
        line(n);
    }

    private void line(ObjectNode n) throws IOException {
        out.write(Json.MAPPER.writeValueAsString(n));
        out.write('\n');
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
