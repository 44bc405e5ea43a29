package io.slipway.core.sbom.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/** Turns Jackson's parse errors and positions into the one-line messages of {@link SbomReadException}. */
final class JsonProblems {
    private JsonProblems() {
    }

    /** {@code line 12, column 5} of a location, or empty when unknown. */
    static String at(JsonLocation loc) {
        if (loc == null || loc.getLineNr() <= 0) {
            return "";
        }
        return "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    /** Where the parser is, as {@code packages[3].name}; {@code "the top level"} outside any value. */
    static String path(JsonStreamContext ctx) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                parts.push((c.getParent() != null && !c.getParent().inRoot() ? "." : "") + c.getCurrentName());
            }
        }
        return parts.isEmpty() ? "the top level" : String.join("", parts);
    }

    static String where(JsonParser p) {
        String at = at(p.currentTokenLocation());
        String path = path(p.getParsingContext());
        return at.isEmpty() ? path : at + ", " + path;
    }

    /** A read failure for a parse error, naming where it happened and what Jackson saw. */
    static SbomReadException parseError(Path file, JsonParser p, JsonProcessingException e) {
        String at = at(e.getLocation());
        String inside = p == null ? "" : path(p.getParsingContext());
        String where = at.isEmpty() ? inside : inside.isEmpty() ? at : at + ", " + inside;
        if (e instanceof JsonEOFException) {
            return new SbomReadException(file, where, "truncated JSON: the file ends before the JSON document does", e);
        }
        if (e instanceof StreamConstraintsException) {
            return new SbomReadException(file, where, "JSON exceeds a safety limit: " + e.getOriginalMessage(), e);
        }
        return new SbomReadException(file, where, "invalid JSON: " + firstLine(e.getOriginalMessage()), e);
    }

    static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the file";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
        };
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
