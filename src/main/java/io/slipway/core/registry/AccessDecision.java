package io.slipway.core.registry;

import java.util.List;

/** The answer to an access request: may these repositories be pulled (and pushed), and if not, why. */
public record AccessDecision(boolean approved, List<String> repositories, String reason) {
    public AccessDecision {
        repositories = List.copyOf(repositories);
    }

    public static AccessDecision approved(List<String> repositories) {
        return new AccessDecision(true, repositories, "approved");
    }

    public static AccessDecision denied(List<String> repositories, String reason) {
        return new AccessDecision(false, repositories, reason);
    }
}
