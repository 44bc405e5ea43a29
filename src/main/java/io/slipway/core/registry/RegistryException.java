package io.slipway.core.registry;

import io.slipway.core.common.UserFacingException;

/**
 * A registry operation that failed, with a message that names the registry and says why, and a {@link Reason}
 * callers can act on (e.g. the deploy pipeline retries {@link Reason#isRetryable() retryable} ones).
 */
public class RegistryException extends UserFacingException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** The registry (or its token service) rejected the credentials, or asked for some and none are stored. */
        UNAUTHORIZED(false),
        /** Authenticated, but not allowed to do this (insufficient scope, 403). */
        DENIED(false),
        /** Repository, tag, manifest or blob does not exist. */
        NOT_FOUND(false),
        /** The TLS certificate is not trusted or does not match the host. */
        TLS_UNTRUSTED(false),
        /** Connection refused, host unknown, connection reset. */
        UNREACHABLE(true),
        /** No answer within the timeout. */
        TIMEOUT(true),
        /** The registry answered with something this client cannot use (5xx, malformed JSON, digest mismatch). */
        PROTOCOL(true),
        /** The configuration refuses it (e.g. an http:// token realm on a TLS registry). */
        CONFIGURATION(false),
        /** The calling thread was interrupted (an abort). */
        CANCELLED(false);

        private final boolean retryable;

        Reason(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean isRetryable() {
            return retryable;
        }
    }

    private final String registry;
    private final Reason reason;
    private final String detail;

    /** Message: {@code Registry 'NAME' (URL): DETAIL}. */
    public RegistryException(RegistryConfig registry, Reason reason, String detail, Throwable cause) {
        super("Registry '" + registry.name() + "' (" + registry.url() + "): " + detail, cause);
        this.registry = registry.name();
        this.reason = reason;
        this.detail = detail;
    }

    /** The message without the registry prefix. */
    public String detail() {
        return detail;
    }

    public String registry() {
        return registry;
    }

    public Reason reason() {
        return reason;
    }
}
