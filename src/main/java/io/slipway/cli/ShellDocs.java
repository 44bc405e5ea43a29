package io.slipway.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Packaging-time generator (packaging/jpackage/build.sh), not part of the application: writes the bash/zsh
 * completion script picocli derives from the command tree, and the man pages (AsciiDoc, one per command:
 * slipway, slipway-deploy, …) that asciidoctor turns into roff. picocli-codegen is on the class path only then.
 */
public final class ShellDocs {
    private ShellDocs() {
    }

    /** {@code ShellDocs OUT_DIR}: writes OUT_DIR/completion/slipway and OUT_DIR/man/*.adoc. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ShellDocs OUT_DIR");
        }
        Path out = Path.of(args[0]);
        CommandLine cli = new CommandLine(new SlipwayCommand(core -> 0), new Cli.CliFactory(core -> 0, System.in));
        Files.createDirectories(out.resolve("completion"));
        Files.writeString(out.resolve("completion/slipway"), AutoComplete.bash("slipway", cli), StandardCharsets.UTF_8);
        File man = Files.createDirectories(out.resolve("man")).toFile();
        int rc = ManPageGenerator.generateManPage(man, null, new boolean[0], true, cli.getCommandSpec());
        if (rc != 0) {
            throw new IOException("man page generation failed with " + rc);
        }
    }
}
