package io.slipway.cli;

import io.slipway.core.common.UserFacingException;
import io.slipway.core.registry.CredentialVault;
import java.io.Console;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Option;

/**
 * Where the workspace passphrase comes from: {@code --passphrase-file FILE}, else {@code $SLIPWAY_PASSPHRASE},
 * else a prompt on the terminal (asked twice when it sets a new passphrase). Never from the command line itself.
 */
public final class PassphraseOptions {
    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "File whose first line is the workspace passphrase that encrypts registry credentials "
                    + "(default: $" + CredentialVault.PASSPHRASE_ENV + ", else a prompt).")
    Path file;

    /** The passphrase; the caller wipes it. {@code isNew}: it will become the workspace passphrase. */
    char[] read(boolean isNew) {
        if (file != null) {
            return fromFile(file);
        }
        String env = System.getenv(CredentialVault.PASSPHRASE_ENV);
        if (env != null && !env.isEmpty()) {
            return env.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new UserFacingException("The workspace passphrase is needed (it encrypts registry credentials): set $"
                    + CredentialVault.PASSPHRASE_ENV + ", give --passphrase-file FILE, or run in a terminal.");
        }
        char[] first = console.readPassword(isNew ? "New workspace passphrase (encrypts registry credentials): "
                : "Workspace passphrase: ");
        if (first == null) {
            throw new UserFacingException("No passphrase entered.");
        }
        if (isNew) {
            char[] again = console.readPassword("Same passphrase again: ");
            boolean same = again != null && Arrays.equals(first, again);
            if (again != null) {
                Arrays.fill(again, '\0');
            }
            if (!same) {
                Arrays.fill(first, '\0');
                throw new UserFacingException("The two passphrases differ; nothing was stored.");
            }
        }
        return first;
    }

    static char[] fromFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserFacingException("Cannot read the passphrase file " + file + " (" + e.getMessage() + ").", e);
        }
        try {
            return firstLine(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The bytes up to the first line break, as chars (UTF-8); for secrets read from a file or stdin. */
    static char[] firstLine(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
            end++;
        }
        CharBuffer cb = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes, 0, end));
        char[] out = new char[cb.remaining()];
        cb.get(out);
        if (cb.hasArray()) {
            Arrays.fill(cb.array(), '\0');
        }
        return out;
    }
}
