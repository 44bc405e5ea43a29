package io.slipway.core.registry;

import io.slipway.core.audit.AuditTrail;
import io.slipway.core.common.Clock;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.registry.OciRegistryClient.CredentialSource;
import io.slipway.core.registry.OciRegistryClient.LoginResult;
import io.slipway.core.registry.RegistryAccess.EngineCredentials;
import io.slipway.core.store.Jdbc;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The registries of a workspace: configuration (in H2, credentials sealed by the {@link CredentialVault}),
 * clients for browsing, and the {@link RegistryAccess} the deploy pipeline uses.
 *
 * <pre>{@code
 * CredentialVault vault = core.registries().unlock(passphrase);          // wrong passphrase: UserFacingException
 * RegistryAccess access = core.registries().access("harbor", vault);    // vault may be null for anonymous ones
 * AccessDecision d = access.requestAccess(List.of("team/buildenv:1.2"), false);
 * }</pre>
 */
public final class Registries {
    private final Jdbc jdbc;
    private final RegistryStore store;
    private final Path workspaceDir;
    private final AuditTrail audit;
    private final Clock clock;
    private final CredentialVault.KdfParams kdfForNewKey;
    private final Duration timeout;

    public Registries(Jdbc jdbc, Path workspaceDir, AuditTrail audit, Clock clock) {
        this(jdbc, workspaceDir, audit, clock, CredentialVault.KdfParams.DEFAULT, OciRegistryClient.DEFAULT_TIMEOUT);
    }

    /** With the Argon2id cost for a new workspace key and the registry request timeout (tests lower both). */
    public Registries(Jdbc jdbc, Path workspaceDir, AuditTrail audit, Clock clock,
                      CredentialVault.KdfParams kdfForNewKey, Duration timeout) {
        this.jdbc = jdbc;
        this.store = new RegistryStore(jdbc);
        this.workspaceDir = workspaceDir;
        this.audit = audit;
        this.clock = clock;
        this.kdfForNewKey = kdfForNewKey;
        this.timeout = timeout;
    }

    // ------------------------------------------------------------------------------------------- passphrase

    /** True once a workspace passphrase has been set (by the first credentials stored). */
    public boolean hasPassphrase() {
        return CredentialVault.isInitialised(jdbc);
    }

    /**
     * Opens the vault with the workspace passphrase (setting it, when the workspace has none yet). A wrong
     * passphrase is a {@link UserFacingException} saying so. The caller may wipe {@code passphrase} afterwards.
     */
    public CredentialVault unlock(char[] passphrase) {
        return CredentialVault.unlock(jdbc, workspaceDir, passphrase, kdfForNewKey, clock);
    }

    // ------------------------------------------------------------------------------------------- configuration

    /**
     * Adds a registry; with {@code password} (for {@code spec.username()}) sealed by {@code vault}. Nothing is
     * sent to the registry (use {@link #login} to check).
     */
    public RegistryConfig add(RegistrySpec spec, char[] password, CredentialVault vault) {
        URI url = spec.normalisedUrl();
        spec.caCertificates();
        byte[] sealed = null;
        if (password != null) {
            if (spec.username() == null) {
                throw new UserFacingException("A password for registry '" + spec.name() + "' needs a --username.");
            }
            requireVault(vault, spec.name());
            sealed = vault.sealChars(password, RegistryConfig.credentialContext(spec.name(), spec.username()));
        }
        RegistryConfig cfg = new RegistryConfig(spec.name(), url, spec.caPem(), spec.username(), sealed != null,
                spec.insecureHttp(), spec.skipTlsVerify(), clock.now());
        if (!store.insert(cfg, sealed)) {
            throw new UserFacingException("A registry named '" + spec.name() + "' already exists (" + get(spec.name())
                    .url() + "). Choose another name or remove it first.");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("url", url.toString());
        details.put("user", spec.username() == null ? "" : spec.username());
        details.put("credentials", sealed != null ? "sealed" : "none");
        details.put("ca", spec.caPem() != null);
        details.put("insecureHttp", spec.insecureHttp());
        details.put("skipTlsVerify", spec.skipTlsVerify());
        audit.record("registry.added", spec.name(), details);
        return cfg;
    }

    public List<RegistryConfig> list() {
        return store.all();
    }

    public Optional<RegistryConfig> find(String name) {
        return store.find(name);
    }

    /** The registry named {@code name}, or a {@link UserFacingException} listing the known ones. */
    public RegistryConfig get(String name) {
        return store.find(name).orElseThrow(() -> {
            String known = store.all().stream().map(RegistryConfig::name).collect(Collectors.joining(", "));
            return new UserFacingException("No registry named '" + name + "'" + (known.isEmpty()
                    ? "; add one with: slipway registry add NAME --url URL" : " (known: " + known + ")") + ".");
        });
    }

    public boolean remove(String name) {
        boolean removed = store.remove(name);
        if (removed) {
            audit.record("registry.removed", name, Map.of());
        }
        return removed;
    }

    /** Replaces the stored user and password of {@code name} (sealed by {@code vault}). */
    public void storeCredentials(String name, String username, char[] password, CredentialVault vault) {
        get(name);
        if (username == null || username.isBlank()) {
            throw new UserFacingException("Credentials for registry '" + name + "' need a username.");
        }
        requireVault(vault, name);
        byte[] sealed = vault.sealChars(password, RegistryConfig.credentialContext(name, username));
        store.updateCredentials(name, username, sealed);
        audit.record("registry.credentials", name, Map.of("user", username, "credentials", "sealed"));
    }

    // ------------------------------------------------------------------------------------------- use

    /** A client with the stored credentials; {@code vault} may be null for a registry without credentials. */
    public OciRegistryClient client(String name, CredentialVault vault) {
        RegistryConfig cfg = get(name);
        return new OciRegistryClient(cfg, storedCredentials(cfg, vault), timeout);
    }

    /** A client with the given credentials (e.g. new ones to check before they are stored). */
    public OciRegistryClient client(RegistryConfig cfg, CredentialSource credentials) {
        return new OciRegistryClient(cfg, credentials, timeout);
    }

    /**
     * The access seam for a registry that is not stored (scripts, CI): the same client and checks as a stored one,
     * with the password held in memory only for this object's life.
     */
    public OciRegistryAccess adHocAccess(URI url, String caPem, String username, char[] password) {
        RegistryConfig cfg = new RegistryConfig("ad hoc " + RegistryConfig.hostOf(url), url, caPem, username, true,
                false, false, java.time.Instant.now());
        CredentialSource creds = CredentialSource.of(username, password);
        return new OciRegistryAccess(new OciRegistryClient(cfg, creds, timeout),
                () -> new EngineCredentials(cfg.host(), username, creds.password()), audit);
    }

    /**
     * The access seam for the deploy pipeline, for the stored registry {@code name}. {@code vault} opens its
     * credentials (may be null when it has none).
     */
    public OciRegistryAccess access(String name, CredentialVault vault) {
        RegistryConfig cfg = get(name);
        CredentialSource creds = storedCredentials(cfg, vault);
        return new OciRegistryAccess(new OciRegistryClient(cfg, creds, timeout), () -> {
            String user = creds.username().orElse("");
            return new EngineCredentials(cfg.host(), user, user.isEmpty() ? new char[0] : creds.password());
        }, audit);
    }

    /** {@link #access(String, CredentialVault)}, unlocking with {@code passphrase} when the registry needs it. */
    public OciRegistryAccess access(String name, char[] passphrase) {
        RegistryConfig cfg = get(name);
        return access(name, cfg.hasCredentials() ? unlock(requirePassphrase(passphrase, name)) : null);
    }

    /** Checks the stored credentials against the registry; records {@code registry.login}. */
    public LoginResult login(String name, CredentialVault vault) {
        RegistryConfig cfg = get(name);
        return audited(cfg, cfg.username(), () -> client(name, vault).login());
    }

    /** Checks new credentials against the registry and stores them (sealed) only when it accepts them. */
    public LoginResult login(String name, String username, char[] password, CredentialVault vault) {
        RegistryConfig cfg = get(name);
        requireVault(vault, name);
        LoginResult r = audited(cfg, username, () -> client(cfg, CredentialSource.of(username, password)).login());
        storeCredentials(name, username, password, vault);
        return r;
    }

    private LoginResult audited(RegistryConfig cfg, String user, java.util.function.Supplier<LoginResult> login) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("url", cfg.url().toString());
        details.put("user", user == null ? "" : user);
        try {
            LoginResult r = login.get();
            details.put("ok", true);
            details.put("scheme", r.scheme().name());
            audit.record("registry.login", cfg.name(), details);
            return r;
        } catch (RegistryException e) {
            details.put("ok", false);
            details.put("failure", e.reason().name());
            details.put("reason", e.detail());
            audit.record("registry.login", cfg.name(), details);
            throw e;
        }
    }

    private CredentialSource storedCredentials(RegistryConfig cfg, CredentialVault vault) {
        if (!cfg.hasCredentials()) {
            return CredentialSource.ANONYMOUS; // a username without a stored password is no credential
        }
        requireVault(vault, cfg.name());
        byte[] sealed = store.sealedPassword(cfg.name()).orElseThrow();
        String context = RegistryConfig.credentialContext(cfg.name(), cfg.username());
        String user = cfg.username();
        return new CredentialSource() {
            @Override
            public Optional<String> username() {
                return Optional.of(user);
            }

            @Override
            public char[] password() {
                return vault.openChars(sealed, context);
            }
        };
    }

    private static void requireVault(CredentialVault vault, String name) {
        if (vault == null) {
            throw new UserFacingException("Registry '" + name + "' credentials are sealed with the workspace "
                    + "passphrase: give it ($" + CredentialVault.PASSPHRASE_ENV + ").");
        }
    }

    private static char[] requirePassphrase(char[] passphrase, String name) {
        if (passphrase == null) {
            requireVault(null, name);
        }
        return passphrase;
    }

    /** Wipes a secret the caller no longer needs. */
    public static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
