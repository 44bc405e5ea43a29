package io.slipway.core.registry;

import io.slipway.core.audit.AuditTrail;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.registry.OciRegistryClient.AccessCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RegistryAccess} over the OCI distribution API: the access request authenticates (following the
 * registry's Basic or Bearer challenge) and checks every repository, recording the decision in the audit trail
 * (action {@code registry.access}). Obtain one from {@link Registries#access}.
 */
public final class OciRegistryAccess implements RegistryAccess {
    private static final Logger LOG = LoggerFactory.getLogger(OciRegistryAccess.class);
    public static final String AUDIT_ACTION = "registry.access";

    private final OciRegistryClient client;
    private final Supplier<EngineCredentials> engineCredentials;
    private final AuditTrail audit;

    OciRegistryAccess(OciRegistryClient client, Supplier<EngineCredentials> engineCredentials, AuditTrail audit) {
        this.client = client;
        this.engineCredentials = engineCredentials;
        this.audit = audit;
    }

    public RegistryConfig config() {
        return client.config();
    }

    /** The client this access uses (for browsing: catalog, tags, manifests). */
    public OciRegistryClient client() {
        return client;
    }

    @Override
    public String host() {
        return client.config().host();
    }

    /**
     * Authenticates, then checks each repository: pull ({@code HEAD} of the manifest when the name carries a
     * tag or digest, else its tag list) and, with {@code push}, a cancelled blob upload. Names may carry this
     * registry's host; another host is denied. Approved only when every check passes; otherwise denied with the
     * reasons, and nothing may be pulled. Never throws for registry failures: they become the denial's reason.
     */
    @Override
    public AccessDecision requestAccess(List<String> repositories, boolean push) {
        long t0 = System.nanoTime();
        RegistryConfig cfg = client.config();
        List<String> problems = new ArrayList<>();
        String failure = null;
        try {
            client.login();
            for (String name : repositories) {
                ImageName image;
                try {
                    image = ImageName.parse(name);
                } catch (RuntimeException e) {
                    problems.add(e.getMessage());
                    continue;
                }
                if (image.host().isPresent() && !image.host().get().equalsIgnoreCase(host())) {
                    problems.add(name + " is not on this registry (" + host() + ")");
                    continue;
                }
                AccessCheck pull = client.checkPull(image.repository(), image.reference().orElse(null));
                // A repository about to be pushed for the first time does not exist yet: the push check decides.
                if (!pull.allowed() && !(push && pull.missing())) {
                    problems.add(pull.reason());
                    continue;
                }
                if (push) {
                    AccessCheck p = client.checkPush(image.repository());
                    if (!p.allowed()) {
                        problems.add(p.reason());
                    }
                }
            }
        } catch (RegistryException e) {
            failure = e.reason().name();
            problems.add(e.detail());
        }
        AccessDecision decision = problems.isEmpty() ? AccessDecision.approved(repositories)
                : AccessDecision.denied(repositories, "Registry '" + cfg.name() + "' (" + cfg.url()
                        + ") denied access: " + String.join("; ", problems));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("registry", cfg.name());
        details.put("url", cfg.url().toString());
        details.put("user", cfg.user().orElse(""));
        details.put("repositories", repositories);
        details.put("push", push);
        details.put("approved", decision.approved());
        details.put("reason", decision.reason());
        Optional.ofNullable(failure).ifPresent(f -> details.put("failure", f));
        details.put("durationMs", ms);
        audit.record(AUDIT_ACTION, cfg.name(), details);
        if (decision.approved()) {
            LOG.info("registry {}: access {} {} approved in {} ms", cfg.name(), push ? "pull+push" : "pull",
                    repositories, ms);
        } else {
            LOG.warn("registry {}: access {} {} denied: {}", cfg.name(), push ? "pull+push" : "pull", repositories,
                    decision.reason());
        }
        return decision;
    }

    /** The image's layers from its manifest (one GET); empty, with a debug line, when the registry cannot say. */
    @Override
    public List<ImageLayer> imageLayers(String image) {
        try {
            ImageName name = ImageName.parse(image);
            if (name.reference().isEmpty() || name.host().filter(h -> !h.equalsIgnoreCase(host())).isPresent()) {
                return List.of();
            }
            return client.layers(name.repository(), name.reference().get());
        } catch (UserFacingException e) { // RegistryException, or a name that does not parse
            LOG.debug("registry {}: layers of {} unknown: {}", client.config().name(), image, e.getMessage());
            return List.of();
        }
    }

    /**
     * Decrypts the stored password for this call only; the caller wipes {@code password()} after handing it to
     * the engine. An anonymous registry gives an empty username and password (send no auth).
     */
    @Override
    public EngineCredentials engineCredentials() {
        return engineCredentials.get();
    }

    @Override
    public String toString() {
        return "OciRegistryAccess[" + client.config().name() + " " + client.config().url() + "]";
    }
}
