package io.slipway.cli;

import io.slipway.core.SlipwayCore;
import io.slipway.core.common.ByteSizes;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.registry.CredentialVault;
import io.slipway.core.registry.ImageName;
import io.slipway.core.registry.ManifestInfo;
import io.slipway.core.registry.OciRegistryClient;
import io.slipway.core.registry.OciRegistryClient.LoginResult;
import io.slipway.core.registry.Registries;
import io.slipway.core.registry.RegistryConfig;
import io.slipway.core.registry.RegistrySpec;
import io.slipway.core.registry.TagOrder;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code registry add|login|ls|rm}: the registries ("master servers") deploys pull from and push to. */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = {"Registries (Harbor or any OCI distribution registry): add, check credentials, browse.",
                "Credentials are stored encrypted with the workspace passphrase ($" + CredentialVault.PASSPHRASE_ENV
                        + ", --passphrase-file or a prompt)."})
public final class RegistryCommand {
    @ParentCommand
    SlipwayCommand parent;

    @Spec
    CommandSpec spec;

    private final InputStream stdin;

    public RegistryCommand() {
        this(System.in);
    }

    RegistryCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Command(name = "add", description = "Add a registry (nothing is sent to it; check with 'registry login').")
    int add(@Parameters(paramLabel = "NAME", description = "Name to refer to it, e.g. harbor.") String name,
            @Option(names = "--url", required = true, paramLabel = "URL",
                    description = "https://host[:port] (a bare host[:port] means https).") String url,
            @Option(names = "--ca", paramLabel = "FILE",
                    description = "PEM file with the CA certificate that signed the registry's TLS certificate.")
            Path ca,
            @Option(names = "--username", paramLabel = "U", description = "User to log in as.") String username,
            @Option(names = "--password-stdin", description = "Read the password from standard input (first line).")
            boolean passwordStdin,
            @Option(names = "--insecure-http", description = "Allow plain HTTP (credentials and images unencrypted).")
            boolean insecureHttp,
            @Option(names = "--skip-tls-verify", description = "Do not verify the TLS certificate (insecure).")
            boolean skipTlsVerify,
            @Mixin PassphraseOptions passphrase) {
        String caPem = ca == null ? null : readCa(ca);
        char[] password = readPassword(username, passwordStdin, false);
        try (SlipwayCore core = parent.workspace.open()) {
            Registries registries = core.registries();
            RegistrySpec rs = new RegistrySpec(name, url, caPem, username, insecureHttp, skipTlsVerify);
            CredentialVault vault = password == null ? null : unlock(registries, passphrase);
            RegistryConfig cfg = registries.add(rs, password, vault);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Registry '%s' added: %s%s%n", cfg.name(), cfg.url(), cfg.user()
                    .map(u -> ", user " + u + (cfg.hasCredentials() ? " (password stored encrypted)" : " (no password)"))
                    .orElse(", anonymous"));
            cfg.warnings().forEach(w -> out.println("WARNING: " + w));
            out.printf("Check it with: slipway registry login %s%n", cfg.name());
            return 0;
        } finally {
            Registries.wipe(password);
        }
    }

    @Command(name = "login", description = {"Check the stored credentials against the registry and report.",
            "With --username and --password-stdin: check new credentials and store them when accepted."})
    int login(@Parameters(paramLabel = "NAME") String name,
              @Option(names = "--username", paramLabel = "U", description = "New user to log in as.") String username,
              @Option(names = "--password-stdin", description = "Read the new password from standard input.")
              boolean passwordStdin,
              @Mixin PassphraseOptions passphrase) {
        char[] password = readPassword(username, passwordStdin, true);
        try (SlipwayCore core = parent.workspace.open()) {
            Registries registries = core.registries();
            RegistryConfig cfg = registries.get(name);
            PrintWriter out = spec.commandLine().getOut();
            cfg.warnings().forEach(w -> out.println("WARNING: " + w));
            LoginResult r;
            if (password != null) {
                r = registries.login(name, username, password, unlock(registries, passphrase));
            } else {
                r = registries.login(name, cfg.hasCredentials() ? unlock(registries, passphrase) : null);
            }
            out.println(r.describe(cfg) + (password != null ? "; credentials stored encrypted" : ""));
            return 0;
        } finally {
            Registries.wipe(password);
        }
    }

    @Command(name = "ls", description = {"List registries; with NAME its repositories; with NAME REPO the tags of REPO "
            + "with manifest digest, size and labels (REPO:TAG for one tag)."})
    int ls(@Parameters(index = "0", arity = "0..1", paramLabel = "NAME") String name,
           @Parameters(index = "1", arity = "0..1", paramLabel = "REPO") String repo,
           @Option(names = "--limit", defaultValue = "200", description = "At most this many repositories or tags "
                   + "(default ${DEFAULT-VALUE}).") int limit,
           @Option(names = "--json", description = "Print the list as JSON.") boolean json,
           @Mixin PassphraseOptions passphrase) {
        try (SlipwayCore core = parent.workspace.open()) {
            Registries registries = core.registries();
            PrintWriter out = spec.commandLine().getOut();
            if (name == null) {
                if (json) {
                    out.println(JsonViews.write(registries.list().stream().map(JsonViews::registry).toList()));
                } else {
                    listRegistries(registries.list(), out);
                }
                return 0;
            }
            RegistryConfig cfg = registries.get(name);
            // with --json, stdout is the JSON alone: warnings go to stderr
            PrintWriter notes = json ? spec.commandLine().getErr() : out;
            cfg.warnings().forEach(w -> notes.println("WARNING: " + w));
            OciRegistryClient client = registries.client(name, cfg.hasCredentials() ? unlock(registries, passphrase)
                    : null);
            if (repo == null) {
                if (json) {
                    out.println(JsonViews.write(client.catalog(limit)));
                } else {
                    client.catalog(limit).forEach(out::println);
                }
                return 0;
            }
            ImageName image = ImageName.parse(repo);
            List<String> tags = image.reference().map(List::of).orElseGet(() -> sortedTags(client.tags(
                    image.repository())));
            if (json) {
                out.println(JsonViews.write(tags.subList(0, Math.min(limit, tags.size())).stream()
                        .map(t -> JsonViews.tag(t, client.manifest(image.repository(), t))).toList()));
                return 0;
            }
            if (tags.isEmpty()) {
                out.printf("%s has no tags%n", image.repository());
                return 0;
            }
            out.printf("%-20s %-71s %10s  %s%n", "TAG", "DIGEST", "SIZE", "TYPE");
            for (String tag : tags.subList(0, Math.min(limit, tags.size()))) {
                ManifestInfo m = client.manifest(image.repository(), tag);
                out.printf("%-20s %-71s %10s  %s%n", tag, m.digest(), m.imageSize() < 0 ? "?" : human(m.imageSize()),
                        shortType(m) + m.platform().map(p -> " (" + p + " of " + m.indexEntries() + ")").orElse(""));
                if (!m.labels().isEmpty()) {
                    out.printf("%-20s labels: %s%n", "", m.labels().entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
                }
            }
            return 0;
        }
    }

    @Command(name = "rm", description = "Remove a registry and its stored credentials.")
    int rm(@Parameters(paramLabel = "NAME") String name) {
        try (SlipwayCore core = parent.workspace.open()) {
            core.registries().get(name);
            core.registries().remove(name);
            spec.commandLine().getOut().printf("Registry '%s' removed%n", name);
            return 0;
        }
    }

    // ------------------------------------------------------------------------------------------------

    private static void listRegistries(List<RegistryConfig> all, PrintWriter out) {
        if (all.isEmpty()) {
            out.println("No registries. Add one with: slipway registry add NAME --url URL [--ca FILE] "
                    + "[--username U --password-stdin]");
            return;
        }
        out.printf("%-16s %-36s %-16s %-11s %s%n", "NAME", "URL", "USER", "PASSWORD", "TLS");
        List<String> warnings = new ArrayList<>();
        for (RegistryConfig c : all) {
            String tls = c.plainHttp() ? "NONE (plain HTTP)" : c.skipTlsVerify() ? "NOT VERIFIED"
                    : c.ca().isPresent() ? "verified (own CA)" : "verified";
            out.printf("%-16s %-36s %-16s %-11s %s%n", c.name(), c.url(), c.user().orElse("-"),
                    c.hasCredentials() ? "encrypted" : "-", tls);
            warnings.addAll(c.warnings());
        }
        warnings.forEach(w -> out.println("WARNING: " + w));
    }

    private CredentialVault unlock(Registries registries, PassphraseOptions passphrase) {
        char[] p = passphrase.read(!registries.hasPassphrase());
        try {
            return registries.unlock(p);
        } finally {
            Arrays.fill(p, '\0');
        }
    }

    /** The password from stdin (first line) or, on a terminal, a prompt; null when no username is given. */
    private char[] readPassword(String username, boolean passwordStdin, boolean loginCommand) {
        if (passwordStdin && username == null) {
            throw new UserFacingException("--password-stdin needs --username.");
        }
        if (username == null) {
            return null;
        }
        if (passwordStdin) {
            byte[] bytes;
            try {
                bytes = stdin.readAllBytes();
            } catch (IOException e) {
                throw new UserFacingException("Cannot read the password from standard input (" + e.getMessage() + ").",
                        e);
            }
            try {
                char[] pw = PassphraseOptions.firstLine(bytes);
                if (pw.length == 0) {
                    throw new UserFacingException("The password on standard input is empty.");
                }
                return pw;
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        }
        java.io.Console console = System.console();
        if (console == null) {
            throw new UserFacingException("Give the password for " + username + " on standard input with "
                    + "--password-stdin (it is never taken from the command line).");
        }
        char[] pw = console.readPassword("Password for %s: ", username);
        if (pw == null || pw.length == 0) {
            throw new UserFacingException("No password entered" + (loginCommand ? "; nothing was changed." : "."));
        }
        return pw;
    }

    private static String readCa(Path ca) {
        try {
            return Files.readString(ca, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UserFacingException("Cannot read the CA certificate file " + ca + " (" + e.getMessage() + ").",
                    e);
        }
    }

    private static List<String> sortedTags(List<String> tags) {
        List<String> out = new ArrayList<>(tags);
        out.sort(RegistryCommand::naturalOrder);
        return out;
    }

    /** Digit runs compare as numbers, so 1.10 sorts after 1.9. */
    static int naturalOrder(String a, String b) {
        return TagOrder.NATURAL.compare(a, b);
    }

    private static String shortType(ManifestInfo m) {
        return switch (m.mediaType()) {
            case ManifestInfo.OCI_MANIFEST -> "oci manifest";
            case ManifestInfo.DOCKER_MANIFEST -> "docker v2 manifest";
            case ManifestInfo.OCI_INDEX -> "oci index";
            case ManifestInfo.DOCKER_LIST -> "docker manifest list";
            default -> m.mediaType();
        };
    }

    static String human(long bytes) {
        return ByteSizes.human(bytes);
    }
}
