package io.slipway.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Conventions every command follows, applied to the whole command tree at start-up so commands added later get
 * them too: {@code -h}/{@code --help}, the exit-code list in the help, and an unknown (sub)command is a usage error
 * naming it — also when {@code --help} follows it, where picocli would print the parent's help and exit 0.
 */
final class CliConventions {
    private CliConventions() {
    }

    static void apply(CommandLine root) {
        CommandSpec spec = root.getCommandSpec();
        if (spec.options().stream().noneMatch(OptionSpec::usageHelp)) {
            spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("Show this help message and exit.").build());
        }
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.descriptions());
        root.getSubcommands().values().forEach(CliConventions::apply);
    }

    /** Runs the command the arguments name, unless some of them name no command or option. */
    static int execute(ParseResult parsed) {
        ParseResult deepest = parsed;
        while (deepest.hasSubcommand()) {
            deepest = deepest.subcommand();
        }
        if (deepest == parsed) {
            // the top level's one positional is an SBOM file to open: a word that names no file is a mistyped
            // command, also when --help follows it (help would otherwise hide the mistake)
            for (var positional : parsed.matchedPositionals()) {
                String word = String.valueOf((Object) positional.getValue());
                if (!java.nio.file.Files.isRegularFile(java.nio.file.Path.of(word))) {
                    CommandLine cl = parsed.commandSpec().commandLine();
                    return usageError(cl, unknown(cl, List.of(word)) + ", nor an SBOM file of that name");
                }
            }
        }
        if (!deepest.unmatched().isEmpty()) {
            CommandLine cl = deepest.commandSpec().commandLine();
            return usageError(cl, unknown(cl, deepest.unmatched()));
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /** Two lines on stderr: what is wrong, and where the help is. */
    static int usageError(CommandLine cl, String message) {
        cl.getErr().println("slipway: " + message);
        cl.getErr().println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for the "
                + (cl.getSubcommands().isEmpty() ? "options." : "commands and options."));
        return ExitCodes.USAGE;
    }

    /** The message for arguments nothing matched: names the first one and, where it fits, the commands there are. */
    static String unknown(CommandLine cl, List<String> unmatched) {
        String first = unmatched.get(0);
        String where = cl.getCommandSpec().qualifiedName();
        List<String> commands = new ArrayList<>(cl.getSubcommands().keySet());
        if (first.startsWith("-")) {
            return "Unknown option: '" + first + "' for '" + where + "'";
        }
        if (commands.isEmpty()) {
            return "Unexpected argument '" + first + "' for '" + where + "'";
        }
        return "Unknown command '" + first + "' for '" + where + "' (commands: " + String.join(", ", commands) + ")";
    }
}
