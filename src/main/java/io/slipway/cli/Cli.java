package io.slipway.cli;

import io.slipway.core.common.UserFacingException;
import io.slipway.core.store.StoreException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs the command line: user-facing errors become one line on stderr and exit code 1, never a stack trace; exit
 * codes are those of {@link ExitCodes}.
 */
public final class Cli {
    /** Same as {@link ExitCodes#FAILED}. */
    public static final int BAD_INPUT = ExitCodes.FAILED;

    private Cli() {
    }

    public static int run(GuiLauncher gui, PrintWriter out, PrintWriter err, String... args) {
        return run(gui, System.in, out, err, args);
    }

    /** With the standard input commands read secrets from (e.g. {@code registry add --password-stdin}). */
    public static int run(GuiLauncher gui, InputStream in, PrintWriter out, PrintWriter err, String... args) {
        return commandLine(gui, in, out, err).execute(args);
    }

    /** The whole command tree with Slipway's conventions and error handling (tests walk it). */
    static CommandLine commandLine(GuiLauncher gui, InputStream in, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new SlipwayCommand(gui), new CliFactory(gui, in));
        cl.setOut(out);
        cl.setErr(err);
        CliConventions.apply(cl);
        cl.setExecutionStrategy(CliConventions::execute);
        cl.setParameterExceptionHandler((ex, args1) -> {
            CommandLine c = ex.getCommandLine();
            // an unknown word explains the error better than what it made picocli miss (e.g. a required parameter)
            List<String> unmatched = ex instanceof CommandLine.UnmatchedArgumentException u ? u.getUnmatched()
                    : c.getParseResult() == null ? List.of() : c.getParseResult().unmatched();
            String message = unmatched.isEmpty() ? ex.getMessage() : CliConventions.unknown(c, unmatched);
            return CliConventions.usageError(c, message);
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable cause = ex;
            while (cause != null && !(cause instanceof UserFacingException)) {
                cause = cause.getCause();
            }
            if (cause != null) {
                commandLine.getErr().println("slipway: " + cause.getMessage());
                return BAD_INPUT;
            }
            if (ex instanceof StoreException) {
                commandLine.getErr().println("slipway: " + ex.getMessage());
                return BAD_INPUT;
            }
            throw ex;
        });
        return cl;
    }

    /** Builds commands with constructor arguments where they need them; everything else by default. */
    record CliFactory(GuiLauncher gui, InputStream in) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == SlipwayCommand.class) {
                return cls.cast(new SlipwayCommand(gui));
            }
            if (cls == RegistryCommand.class) {
                return cls.cast(new RegistryCommand(in));
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
