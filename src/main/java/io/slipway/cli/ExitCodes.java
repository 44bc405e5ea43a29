package io.slipway.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of every command, one meaning each. {@link CliConventions} lists them in every command's help;
 * the README lists them too. Scripts rely on them: never reuse a number for another meaning.
 */
public final class ExitCodes {
    /** The work was done (for a deploy: every node done or skipped). */
    public static final int OK = 0;
    /** The work failed or the input was bad: a node failed, a file is unreadable, a name is unknown. */
    public static final int FAILED = 1;
    /** The command line itself is wrong: unknown command or option, missing or malformed argument. */
    public static final int USAGE = 2;
    /** The audit trail's hash chain is broken, or an exported trail was tampered with. */
    public static final int AUDIT_BROKEN = 3;
    /** The release gate has a FAIL (or an unconfirmed finding) standing: nothing was published. */
    public static final int GATE_FAIL = 4;
    /** An upgrade paused on a threshold; it goes on when resumed. */
    public static final int UPGRADE_PAUSED = 5;
    /** Interrupted (Ctrl-C) before the work ended; the work itself shows as interrupted or aborted. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }

    /** Code to meaning, in the form picocli's usage help renders ({@code exitCodeList}). */
    public static Map<String, String> descriptions() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(String.valueOf(OK), "ok");
        m.put(String.valueOf(FAILED), "failed work or bad input (one line says what and what to do)");
        m.put(String.valueOf(USAGE), "usage error (unknown command or option, bad argument)");
        m.put(String.valueOf(AUDIT_BROKEN), "audit chain broken or tampered export");
        m.put(String.valueOf(GATE_FAIL), "release gate FAIL");
        m.put(String.valueOf(UPGRADE_PAUSED), "upgrade paused on a threshold");
        m.put(String.valueOf(INTERRUPTED), "interrupted (Ctrl-C)");
        return m;
    }
}
