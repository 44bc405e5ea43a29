package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.core.SlipwayCore;
import io.slipway.core.common.Clock;
import io.slipway.core.registry.AccessDecision;
import io.slipway.core.registry.CredentialVault;
import io.slipway.core.registry.ManifestInfo;
import io.slipway.core.registry.OciRegistryClient;
import io.slipway.core.registry.OciRegistryClient.AuthScheme;
import io.slipway.core.registry.Registries;
import io.slipway.core.registry.RegistryException;
import io.slipway.core.registry.RegistrySpec;
import io.slipway.it.registry.TestPki;
import io.slipway.it.registry.TokenAuthRegistry;
import io.slipway.it.registry.TokenServer;
import io.slipway.testsupport.LogCapture;
import io.slipway.testsupport.SecretScan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Bearer flow as Harbor runs it: a real distribution registry with {@code auth.token} and a real token
 * service (TLS, Basic credentials, per-user ACL, RS256 JWTs the registry verifies against its rootcertbundle).
 * Alice may pull and push team/app and browse the catalog; Bob may only pull team/app; nobody else gets anything.
 */
class BearerTokenIT {
    static final String ALICE_PW = "alice-Pw-7d1c0b";
    static final String BOB_PW = "bob-Pw-2e9fa4";
    static final char[] PASSPHRASE = "bearer it passphrase".toCharArray();

    @TempDir
    static Path fixtureDir;
    static TestPki pki;
    static TokenServer tokens;
    static TokenAuthRegistry registry;
    static TokenAuthRegistry.Pushed app;

    @TempDir
    Path dir;
    SlipwayCore core;
    Registries registries;
    CredentialVault vault;

    @BeforeAll
    static void startRegistryAndTokenService() throws Exception {
        pki = new TestPki();
        tokens = new TokenServer(pki, TokenAuthRegistry.SERVICE)
                .user("alice", ALICE_PW).user("bob", BOB_PW)
                .allow("alice", "repository:team/app", "pull", "push")
                .allow("alice", "registry:catalog", "*")
                .allow("bob", "repository:team/app", "pull");
        registry = new TokenAuthRegistry(fixtureDir, pki, tokens);
        app = registry.push("team/app", "1", Map.of("io.slipway.software", "app", "io.slipway.version", "1"));
        registry.push("secret/thing", "1", Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (registry != null) {
            registry.close();
        }
        if (tokens != null) {
            tokens.close();
        }
    }

    @BeforeEach
    void open() {
        core = SlipwayCore.open(dir.resolve("ws"), Optional.empty());
        registries = new Registries(core.workspace().jdbc(), core.workspace().directory(), core.audit(), Clock.SYSTEM,
                new CredentialVault.KdfParams(8 * 1024, 1, 1), Duration.ofSeconds(15));
        vault = registries.unlock(PASSPHRASE);
        tokens.clearRequests();
    }

    @AfterEach
    void close() {
        core.close();
    }

    void add(String name, String user, String password) {
        registries.add(new RegistrySpec(name, registry.url(), pki.ca.certPem(), user, false, false),
                password == null ? null : password.toCharArray(), password == null ? null : vault);
    }

    @Test
    void loginFollowsTheBearerChallengeToTheTokenService() {
        add("harbor", "alice", ALICE_PW);
        OciRegistryClient.LoginResult r = registries.login("harbor", vault);
        assertThat(r.scheme()).isEqualTo(AuthScheme.BEARER);
        assertThat(r.realm()).isEqualTo(tokens.realm());
        assertThat(tokens.requests()).singleElement().satisfies(q -> {
            assertThat(q.user()).isEqualTo("alice");
            assertThat(q.hadCredentials()).isTrue();
            assertThat(q.service()).isEqualTo(TokenAuthRegistry.SERVICE);
            assertThat(q.status()).isEqualTo(200);
        });
    }

    @Test
    void wrongPasswordIsRejectedByTheTokenServiceAndDeniesAccess() {
        add("harbor", "alice", ALICE_PW + "-wrong");
        assertThatThrownBy(() -> registries.login("harbor", vault)).isInstanceOfSatisfying(RegistryException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(RegistryException.Reason.UNAUTHORIZED);
                    assertThat(e.getMessage()).contains("its token service " + tokens.realm()
                            + " rejected the credentials of user 'alice'", "invalid username or password");
                });
        AccessDecision d = registries.access("harbor", vault).requestAccess(List.of("team/app:1"), false);
        assertThat(d.approved()).isFalse();
        assertThat(d.reason()).contains("rejected the credentials of user 'alice'");
        assertThat(core.audit().latest(1).get(0).detailsJson()).contains("\"approved\":false")
                .doesNotContain(ALICE_PW);
    }

    @Test
    void scopedTokensApprovePullAndPushWhereTheAclAllows() throws Exception {
        add("harbor", "alice", ALICE_PW);
        AccessDecision d = registries.access("harbor", vault).requestAccess(List.of(registry.host() + "/team/app:1"),
                true);
        assertThat(d.approved()).as(d.reason()).isTrue();
        assertThat(tokens.requests()).extracting(TokenServer.Request::scopes)
                .contains(List.of("repository:team/app:pull"), List.of("repository:team/app:pull,push"));
        assertThat(tokens.requests()).allSatisfy(q -> assertThat(q.status()).isEqualTo(200));
        assertThat(core.audit().latest(1).get(0).detailsJson()).contains("\"approved\":true", "\"push\":true");
        // the push grant was read from the token: no probe upload was started
        assertThat(registry.log()).doesNotContainPattern("method=POST[^\n]*useragent=slipway");
    }

    @Test
    void insufficientScopeDeniesTheWholeRequestNamingTheRepository() {
        add("harbor", "alice", ALICE_PW);
        AccessDecision d = registries.access("harbor", vault).requestAccess(List.of("team/app:1", "secret/thing:1"),
                false);
        assertThat(d.approved()).isFalse();
        assertThat(d.reason()).contains("user 'alice' may not pull secret/thing:1 (401")
                .doesNotContain("team/app");
    }

    @Test
    void pullOnlyUserIsDeniedPush() {
        add("harbor", "bob", BOB_PW);
        OciRegistryClient c = registries.client("harbor", vault);
        assertThat(c.checkPull("team/app", "1").allowed()).isTrue();
        AccessDecision d = registries.access("harbor", vault).requestAccess(List.of("team/app:1"), true);
        assertThat(d.approved()).isFalse();
        assertThat(d.reason()).contains("user 'bob' may not push to team/app");
    }

    @Test
    void anonymousGetsAnEmptyTokenAndIsDenied() {
        add("anon", null, null);
        OciRegistryClient.LoginResult r = registries.login("anon", null);
        assertThat(r.scheme()).isEqualTo(AuthScheme.BEARER);
        assertThat(r.username()).isNull();
        AccessDecision d = registries.access("anon", (char[]) null).requestAccess(List.of("team/app"), false);
        assertThat(d.approved()).isFalse();
        assertThat(d.reason()).contains("anonymous access may not pull team/app");
    }

    @Test
    void browsesCatalogTagsAndManifestsThroughTokens() throws Exception {
        add("harbor", "alice", ALICE_PW);
        try (LogCapture log = new LogCapture()) {
            OciRegistryClient c = registries.client("harbor", vault);
            assertThat(c.catalog(100)).contains("team/app", "secret/thing");
            assertThat(c.tags("team/app")).containsExactly("1");
            ManifestInfo m = c.manifest("team/app", "1");
            assertThat(m.digest()).isEqualTo(app.manifestDigest());
            assertThat(m.mediaType()).isEqualTo(ManifestInfo.OCI_MANIFEST);
            assertThat(m.imageSize()).isEqualTo(app.imageSize());
            assertThat(m.configDigest()).hasValue(app.configDigest());
            assertThat(m.labels()).containsEntry("io.slipway.software", "app").containsEntry("io.slipway.version", "1");
            assertThat(c.headManifest("team/app", "1").digest()).isEqualTo(app.manifestDigest());
            assertThat(c.headBlob("team/app", app.configDigest())).isPresent();
            // tokens are cached per scope set: one for the catalog, one for team/app pulls
            assertThat(tokens.requests()).extracting(TokenServer.Request::scopes)
                    .containsExactlyInAnyOrder(List.of("registry:catalog:*"), List.of("repository:team/app:pull"));
            assertThat(log.text()).contains("token for").doesNotContain(ALICE_PW);
        }
    }

    @Test
    void passwordsStayOutOfTheWorkspaceFiles() throws Exception {
        add("harbor", "alice", ALICE_PW);
        registries.login("harbor", vault);
        registries.login("harbor", "bob", BOB_PW.toCharArray(), vault);
        assertThat(registries.get("harbor").username()).isEqualTo("bob");
        core.close();
        SecretScan.assertAbsentFromFiles(dir.resolve("ws"), ALICE_PW);
        SecretScan.assertAbsentFromFiles(dir.resolve("ws"), BOB_PW);
        core = SlipwayCore.open(dir.resolve("ws"), Optional.empty());
    }
}
