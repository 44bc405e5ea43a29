package io.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code registry add|ls|rm} without a registry on the network; login and browsing are in the ITs. */
class RegistryCliTest {
    static final String PASSWORD = "cli-Pw-91d2e3-UNIQUE";

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    Result run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(core -> 0, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    String[] ws(String... rest) {
        String[] all = new String[rest.length + 3];
        all[0] = "--workspace";
        all[1] = tmp.resolve("ws").toString();
        all[2] = "--no-sample";
        System.arraycopy(rest, 0, all, 3, rest.length);
        return all;
    }

    @Test
    void addStoresTheEncryptedPasswordAndLsShowsRegistriesWithWarnings() throws Exception {
        Path pp = Files.writeString(tmp.resolve("pp"), "cli test passphrase\n");
        Result add = run(PASSWORD + "\n", ws("registry", "add", "harbor", "--url", "harbor.example.com",
                "--username", "ci", "--password-stdin", "--passphrase-file", pp.toString()));
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).contains("Registry 'harbor' added: https://harbor.example.com, user ci (password stored "
                + "encrypted)").doesNotContain("WARNING");

        Result plain = run("", ws("registry", "add", "lab", "--url", "http://127.0.0.1:5999", "--insecure-http"));
        assertThat(plain.code()).as(plain.err()).isZero();
        assertThat(plain.out()).contains("WARNING: registry 'lab' uses plain HTTP");

        Result ls = run("", ws("registry", "ls"));
        assertThat(ls.code()).isZero();
        assertThat(ls.out()).contains("harbor", "https://harbor.example.com", "ci", "encrypted", "verified")
                .contains("lab", "NONE (plain HTTP)", "WARNING: registry 'lab' uses plain HTTP")
                .doesNotContain(PASSWORD);

        Result audit = run("", ws("audit", "log"));
        assertThat(audit.out()).contains("registry.added").doesNotContain(PASSWORD);
        assertThat(run("", ws("audit", "verify")).code()).isZero();

        Result rm = run("", ws("registry", "rm", "lab"));
        assertThat(rm.out()).contains("Registry 'lab' removed");
        assertThat(run("", ws("registry", "ls")).out()).doesNotContain("lab");
    }

    @Test
    void inputErrorsAreOneLineAndStoreNothing() throws Exception {
        Path pp = Files.writeString(tmp.resolve("pp"), "cli test passphrase");
        Path wrong = Files.writeString(tmp.resolve("wrong"), "another passphrase");
        assertThat(run(PASSWORD, ws("registry", "add", "a", "--url", "https://a.example", "--username", "u",
                "--password-stdin", "--passphrase-file", pp.toString())).code()).isZero();

        for (Object[] c : new Object[][] {
            {new String[] {"registry", "add", "b", "--url", "http://b.example"}, "", "--insecure-http"},
            {new String[] {"registry", "add", "b", "--url", "https://b.example", "--password-stdin"}, "x",
                "--password-stdin needs --username"},
            {new String[] {"registry", "add", "b", "--url", "https://b.example", "--username", "u",
                "--password-stdin", "--passphrase-file", wrong.toString()}, "pw", "Wrong workspace passphrase"},
            {new String[] {"registry", "add", "b", "--url", "https://b.example", "--username", "u",
                "--password-stdin", "--passphrase-file", pp.toString()}, "\n", "password on standard input is empty"},
            {new String[] {"registry", "add", "b", "--url", "https://b.example", "--ca", tmp.resolve("none.pem")
                .toString()}, "", "Cannot read the CA certificate file"},
            {new String[] {"registry", "add", "a", "--url", "https://a.example"}, "", "already exists"},
            {new String[] {"registry", "login", "zzz"}, "", "No registry named 'zzz' (known: a)"},
            {new String[] {"registry", "login", "a", "--passphrase-file", wrong.toString()}, "",
                "Wrong workspace passphrase"},
        }) {
            String[] args = (String[]) c[0];
            Result r = run((String) c[1], ws(args));
            assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(Cli.BAD_INPUT);
            assertThat(r.err()).as(String.join(" ", args)).startsWith("slipway: ").contains((String) c[2])
                    .hasLineCount(1);
        }
        assertThat(run("", ws("registry", "ls")).out()).doesNotContain(" b ");
    }

    @Test
    void naturalTagOrderAndSizes() {
        assertThat(java.util.stream.Stream.of("1.10", "1.9", "1.2.0", "latest", "1.2").sorted(
                RegistryCommand::naturalOrder).toList()).containsExactly("1.2", "1.2.0", "1.9", "1.10", "latest");
        assertThat(RegistryCommand.human(512)).isEqualTo("512 B");
        assertThat(RegistryCommand.human(1536)).isEqualTo("1.5 KiB");
        assertThat(RegistryCommand.human(3L * 1024 * 1024)).isEqualTo("3.0 MiB");
    }
}
