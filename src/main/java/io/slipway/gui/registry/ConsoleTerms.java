package io.slipway.gui.registry;

import java.util.regex.Pattern;

/**
 * The core's registry messages name the command-line options that fix a problem; the console shows the same
 * message naming the field or button instead, so the rules and their wording stay in one place (the core).
 */
final class ConsoleTerms {
    private static final Pattern LOGIN_COMMAND = Pattern.compile("slipway registry login \\S+ --username U "
            + "--password-stdin");

    private ConsoleTerms() {
    }

    static String of(String message) {
        String m = message.replace("--url ", "")
                .replace("--insecure-http", "\"Allow plain HTTP\"")
                .replace("--username and the password on stdin (--password-stdin)", "Username and Password")
                .replace("with --ca FILE", "as \"CA certificate\" when adding it");
        return LOGIN_COMMAND.matcher(m).replaceAll("use \"Log in / Change credentials…\"");
    }
}
