package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.cli.Cli;
import io.slipway.core.SlipwayCore;
import io.slipway.core.audit.AuditEvent;
import io.slipway.core.common.Clock;
import io.slipway.core.registry.AccessDecision;
import io.slipway.core.registry.CredentialVault;
import io.slipway.core.registry.ManifestInfo;
import io.slipway.core.registry.OciRegistryAccess;
import io.slipway.core.registry.OciRegistryClient;
import io.slipway.core.registry.OciRegistryClient.AuthScheme;
import io.slipway.core.registry.Registries;
import io.slipway.core.registry.RegistryException;
import io.slipway.core.registry.RegistrySpec;
import io.slipway.core.store.Workspace;
import io.slipway.testsupport.LogCapture;
import io.slipway.testsupport.SecretScan;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry client and the access request against the environment's real registry: TLS from its own CA and
 * htpasswd (Basic) auth, holding {@code slipway/base:1}.
 */
class RegistryAccessIT {
    static final char[] PASSPHRASE = "registry it passphrase".toCharArray();

    @TempDir
    Path dir;
    SlipwayCore core;
    Registries registries;
    CredentialVault vault;

    @BeforeEach
    void open() {
        core = SlipwayCore.open(dir.resolve("ws"), Optional.empty());
        registries = new Registries(core.workspace().jdbc(), core.workspace().directory(), core.audit(), Clock.SYSTEM,
                new CredentialVault.KdfParams(8 * 1024, 1, 1), Duration.ofSeconds(15));
        vault = registries.unlock(PASSPHRASE);
    }

    @AfterEach
    void close() {
        core.close();
    }

    static String ca() throws Exception {
        return Files.readString(TestEnvironment.registryCa());
    }

    static String baseRepo() {
        String image = TestEnvironment.baseImage();
        return image.substring(TestEnvironment.registry().length() + 1, image.lastIndexOf(':'));
    }

    static String baseTag() {
        String image = TestEnvironment.baseImage();
        return image.substring(image.lastIndexOf(':') + 1);
    }

    void add(String name, String password, boolean withCa, boolean skipVerify) throws Exception {
        registries.add(new RegistrySpec(name, "https://" + TestEnvironment.registry(), withCa ? ca() : null,
                TestEnvironment.registryUser(), false, skipVerify), password.toCharArray(), vault);
    }

    AuditEvent lastAudit() {
        return core.audit().latest(1).get(0);
    }

    @Test
    void basicLoginWithTheConfiguredCaSucceeds() throws Exception {
        add("ci", TestEnvironment.registryPassword(), true, false);
        OciRegistryClient.LoginResult r = registries.login("ci", vault);
        assertThat(r.scheme()).isEqualTo(AuthScheme.BASIC);
        assertThat(r.username()).isEqualTo(TestEnvironment.registryUser());
        assertThat(lastAudit().action()).isEqualTo("registry.login");
        assertThat(lastAudit().detailsJson()).contains("\"ok\":true").doesNotContain(TestEnvironment.registryPassword());
    }

    @Test
    void accessRequestApprovesTheBaseImageForPullAndPushAndIsAudited() throws Exception {
        add("ci", TestEnvironment.registryPassword(), true, false);
        OciRegistryAccess access = registries.access("ci", vault);
        assertThat(access.host()).isEqualTo(TestEnvironment.registry());

        List<String> repos = List.of(TestEnvironment.baseImage(), baseRepo());
        AccessDecision d = access.requestAccess(repos, true);
        assertThat(d.approved()).as(d.reason()).isTrue();
        assertThat(d.repositories()).isEqualTo(repos);

        AuditEvent e = lastAudit();
        assertThat(e.action()).isEqualTo("registry.access");
        assertThat(e.subject()).isEqualTo("ci");
        assertThat(e.detailsJson()).contains("\"approved\":true", "\"push\":true", baseRepo());

        // a first push to a repository that does not exist yet is approved; the push check starts an upload and
        // cancels it, so the repository stays absent
        String fresh = "slipway/probe-" + Long.toHexString(System.nanoTime());
        assertThat(access.requestAccess(List.of(fresh), true).approved()).isTrue();
        assertThat(access.client().checkPush(fresh).allowed()).isTrue();
        assertThat(access.client().catalog(10_000)).doesNotContain(fresh);

        RegistryAccessEngine engine = new RegistryAccessEngine(access.engineCredentials());
        assertThat(engine.serverAddress()).isEqualTo(TestEnvironment.registry());
        assertThat(engine.password()).isEqualTo(TestEnvironment.registryPassword());
    }

    /** What a deploy hands the engine: decrypted for the call only. */
    record RegistryAccessEngine(String serverAddress, String username, String password) {
        RegistryAccessEngine(io.slipway.core.registry.RegistryAccess.EngineCredentials c) {
            this(c.serverAddress(), c.username(), new String(c.password()));
        }
    }

    @Test
    void wrongPasswordIsDeniedWithTheReasonAndRecorded() throws Exception {
        add("ci", TestEnvironment.registryPassword() + "-wrong", true, false);
        AccessDecision d = registries.access("ci", vault).requestAccess(List.of(TestEnvironment.baseImage()), false);
        assertThat(d.approved()).isFalse();
        assertThat(d.reason()).startsWith("Registry 'ci' (https://" + TestEnvironment.registry() + ") denied access:")
                .contains("rejected the credentials of user '" + TestEnvironment.registryUser() + "'", "401");
        assertThat(lastAudit().detailsJson()).contains("\"approved\":false", "\"failure\":\"UNAUTHORIZED\"");

        assertThatThrownBy(() -> registries.login("ci", vault)).isInstanceOfSatisfying(RegistryException.class,
                e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.UNAUTHORIZED));
    }

    @Test
    void missingRepositoryOrTagIsDeniedAsNotFound() throws Exception {
        add("ci", TestEnvironment.registryPassword(), true, false);
        AccessDecision d = registries.access("ci", vault).requestAccess(List.of(baseRepo() + ":no-such-tag",
                "slipway/no-such-repo", "other.example.com/x/y"), false);
        assertThat(d.approved()).isFalse();
        assertThat(d.reason()).contains("cannot pull " + baseRepo() + ":no-such-tag: not found (404)")
                .contains("slipway/no-such-repo", "NAME_UNKNOWN")
                .contains("other.example.com/x/y is not on this registry");
    }

    @Test
    void pushToARepositoryThatDoesNotExistYetIsApproved() throws Exception {
        add("ci", TestEnvironment.registryPassword(), true, false);
        String fresh = "slipway/first-push-" + System.nanoTime();
        assertThat(registries.access("ci", vault).requestAccess(List.of(fresh), true).approved()).isTrue();
        assertThat(registries.access("ci", vault).requestAccess(List.of(fresh), false).approved())
                .as("pulling what does not exist stays denied").isFalse();
    }

    @Test
    void tlsWithoutTheCaIsRefusedWithAClearMessage() throws Exception {
        add("noca", TestEnvironment.registryPassword(), false, false);
        assertThatThrownBy(() -> registries.login("noca", vault)).isInstanceOfSatisfying(RegistryException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(RegistryException.Reason.TLS_UNTRUSTED);
                    assertThat(e.getMessage()).startsWith("Registry 'noca' (https://" + TestEnvironment.registry()
                            + "): the TLS certificate of " + TestEnvironment.registry() + " is not trusted")
                            .contains("--ca FILE");
                });
        AccessDecision d = registries.access("noca", vault).requestAccess(List.of(baseRepo()), false);
        assertThat(d.approved()).isFalse();
        assertThat(d.reason()).contains("not trusted");
    }

    @Test
    void skipTlsVerifyConnectsWithoutTheCaAndIsFlagged() throws Exception {
        add("skip", TestEnvironment.registryPassword(), false, true);
        assertThat(registries.get("skip").warnings()).singleElement().asString().contains("skips TLS");
        assertThat(registries.login("skip", vault).scheme()).isEqualTo(AuthScheme.BASIC);
    }

    @Test
    void unreachableAndSilentRegistriesFailWithTheirReason() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        registries.add(new RegistrySpec("gone", "https://127.0.0.1:" + closedPort, null, null, false, false), null,
                null);
        assertThatThrownBy(() -> registries.client("gone", null).ping()).isInstanceOfSatisfying(
                RegistryException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RegistryException.Reason.UNREACHABLE);
                    assertThat(e.getMessage()).contains("Registry 'gone'", "cannot connect to 127.0.0.1:" + closedPort);
                });

        // accepts the connection (kernel backlog) but never answers the TLS handshake
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Registries quick = new Registries(core.workspace().jdbc(), core.workspace().directory(), core.audit(),
                    Clock.SYSTEM, new CredentialVault.KdfParams(8 * 1024, 1, 1), Duration.ofSeconds(2));
            quick.add(new RegistrySpec("silent", "https://127.0.0.1:" + silent.getLocalPort(), null, null, false,
                    false), null, null);
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> quick.client("silent", null).ping()).isInstanceOfSatisfying(
                    RegistryException.class, e -> {
                        assertThat(e.reason()).isEqualTo(RegistryException.Reason.TIMEOUT);
                        assertThat(e.getMessage()).contains("Registry 'silent'", "timeout");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
            AccessDecision d = quick.access("silent", (char[]) null).requestAccess(List.of("a/b"), false);
            assertThat(d.approved()).isFalse();
            assertThat(d.reason()).contains("timeout");
        }
    }

    @Test
    void browsesCatalogTagsAndTheBaseManifestWithDigestSizeAndLabels() throws Exception {
        add("ci", TestEnvironment.registryPassword(), true, false);
        OciRegistryClient c = registries.client("ci", vault);
        assertThat(c.catalog(1000)).contains(baseRepo());
        assertThat(c.tags(baseRepo())).contains(baseTag());

        ManifestInfo m = c.manifest(baseRepo(), baseTag());
        assertThat(m.digest()).matches("sha256:[0-9a-f]{64}");
        assertThat(m.mediaType()).isIn(ManifestInfo.OCI_MANIFEST, ManifestInfo.DOCKER_MANIFEST);
        assertThat(m.manifestSize()).isPositive();
        assertThat(m.layers()).isEqualTo(1);
        assertThat(m.imageSize()).isGreaterThan(100_000); // busybox rootfs, compressed
        assertThat(m.labels()).containsEntry("io.slipway.testenv", "base");

        ManifestInfo head = c.headManifest(baseRepo(), baseTag());
        assertThat(head.digest()).isEqualTo(m.digest());
        assertThat(head.manifestSize()).isEqualTo(m.manifestSize());
        assertThat(head.mediaType()).isEqualTo(m.mediaType());
        assertThat(c.manifest(baseRepo(), m.digest()).digest()).isEqualTo(m.digest());

        assertThat(c.headBlob(baseRepo(), m.configDigest().orElseThrow())).isPresent();
        assertThat(c.headBlob(baseRepo(), "sha256:" + "0".repeat(64))).isEmpty();
    }

    @Test
    void cliAddLoginAndBrowseKeepThePasswordOutOfTheWorkspaceAndTheLog() throws Exception {
        Path ws = dir.resolve("cli-ws");
        Path pp = Files.writeString(dir.resolve("passphrase"), "cli it passphrase\n");
        Path caFile = TestEnvironment.registryCa();
        String password = TestEnvironment.registryPassword();
        String url = "https://" + TestEnvironment.registry();
        try (LogCapture log = new LogCapture()) {
            Result add = cli(password + "\n", "--workspace", ws.toString(), "--no-sample", "registry", "add", "ci",
                    "--url", url, "--ca", caFile.toString(), "--username", TestEnvironment.registryUser(),
                    "--password-stdin", "--passphrase-file", pp.toString());
            assertThat(add.code()).as(add.err()).isZero();

            Result login = cli("", "--workspace", ws.toString(), "registry", "login", "ci", "--passphrase-file",
                    pp.toString());
            assertThat(login.code()).as(login.err()).isZero();
            assertThat(login.out()).contains("Login succeeded: registry 'ci' (" + url + ") accepted user '"
                    + TestEnvironment.registryUser() + "' (Basic)");

            Result repos = cli("", "--workspace", ws.toString(), "registry", "ls", "ci", "--passphrase-file",
                    pp.toString());
            assertThat(repos.code()).as(repos.err()).isZero();
            assertThat(repos.out().lines()).contains(baseRepo());

            Result tags = cli("", "--workspace", ws.toString(), "registry", "ls", "ci", baseRepo(),
                    "--passphrase-file", pp.toString());
            assertThat(tags.code()).as(tags.err()).isZero();
            assertThat(tags.out()).containsPattern("(?m)^" + baseTag() + " +sha256:[0-9a-f]{64} +[0-9.]+ [KM]iB +")
                    .contains("labels: io.slipway.testenv=base");

            Result wrong = cli("", "--workspace", ws.toString(), "registry", "login", "ci", "--username",
                    TestEnvironment.registryUser(), "--password-stdin", "--passphrase-file", pp.toString());
            assertThat(wrong.code()).isEqualTo(Cli.BAD_INPUT);

            Result bad = cli("not-the-password\n", "--workspace", ws.toString(), "registry", "login", "ci",
                    "--username", TestEnvironment.registryUser(), "--password-stdin", "--passphrase-file",
                    pp.toString());
            assertThat(bad.code()).isEqualTo(Cli.BAD_INPUT);
            assertThat(bad.err()).startsWith("slipway: Registry 'ci' (" + url + "): it rejected the credentials of "
                    + "user '" + TestEnvironment.registryUser() + "'").hasLineCount(1);
            // the rejected password was not stored: the stored one still works
            assertThat(cli("", "--workspace", ws.toString(), "registry", "login", "ci", "--passphrase-file",
                    pp.toString()).code()).isZero();

            for (Result r : List.of(add, login, repos, tags, wrong, bad)) {
                assertThat(r.out() + r.err()).doesNotContain(password);
            }
            assertThat(log.text()).contains("registry").doesNotContain(password);
        }
        assertThat(Workspace.databaseFile(ws)).exists();
        SecretScan.assertAbsentFromFiles(ws, password);
    }

    record Result(int code, String out, String err) {
    }

    static Result cli(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(core -> 0, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }
}
