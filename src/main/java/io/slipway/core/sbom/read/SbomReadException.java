package io.slipway.core.sbom.read;

import io.slipway.core.common.UserFacingException;
import java.nio.file.Path;
import java.util.List;

/**
 * An SBOM that cannot be read (or, read strictly, has error findings). The message is one line,
 * {@code <file>: <where>: <what>}, naming the first error (and how many more there are); {@link #errors()} has
 * them all for a UI to list.
 */
public class SbomReadException extends UserFacingException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final transient List<ReadFinding> errors;

    public SbomReadException(Path file, List<ReadFinding> errors) {
        super(message(file, errors));
        this.file = file;
        this.errors = List.copyOf(errors);
    }

    public SbomReadException(Path file, String where, String what) {
        this(file, List.of(ReadFinding.unreadable(where, what)));
    }

    public SbomReadException(Path file, String where, String what, Throwable cause) {
        super(message(file, List.of(ReadFinding.unreadable(where, what))), cause);
        this.file = file;
        this.errors = List.of(ReadFinding.unreadable(where, what));
    }

    public Path file() {
        return file;
    }

    public List<ReadFinding> errors() {
        return errors;
    }

    private static String message(Path file, List<ReadFinding> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an SbomReadException needs at least one error");
        }
        String first = errors.get(0).toString();
        String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more problem"
                + (errors.size() > 2 ? "s" : "") + ")" : "";
        return oneLine(file + ": " + first + more);
    }

    /** Newlines and other control characters become spaces, so a message stays one line. */
    static String oneLine(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? ' ' : c);
        }
        return b.toString();
    }
}
