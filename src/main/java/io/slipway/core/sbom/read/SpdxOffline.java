package io.slipway.core.sbom.read;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spdx.library.SpdxModelFactory;

/**
 * Keeps spdx-java-library offline and initialised once. Without {@code org.spdx.useJARLicenseInfoOnly=true} the
 * library fetches https://spdx.org/licenses/licenses.json on first use (and can hang without a network). The
 * property is set here unless the JVM was started with an explicit value. Call {@link #init()} before any use of
 * the library (the readers do; the release side should too).
 */
public final class SpdxOffline {
    public static final String PROPERTY = "org.spdx.useJARLicenseInfoOnly";
    private static final Logger LOG = LoggerFactory.getLogger(SpdxOffline.class);

    static {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "true");
        } else if (!Boolean.parseBoolean(System.getProperty(PROPERTY))) {
            LOG.warn("{}={} was set explicitly: spdx-java-library may fetch the licence list from spdx.org",
                    PROPERTY, System.getProperty(PROPERTY));
        }
        SpdxModelFactory.init();
    }

    private SpdxOffline() {
    }

    /** Idempotent: the work happens once, in this class's static initialiser. */
    public static void init() {
        // class initialisation did it
    }
}
