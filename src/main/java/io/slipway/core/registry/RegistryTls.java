package io.slipway.core.registry;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/** The TLS trust of one registry: the system's CAs plus the registry's own CA, or nothing (skip-tls-verify). */
final class RegistryTls {
    private RegistryTls() {
    }

    static SSLContext context(RegistryConfig config) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            TrustManager tm = config.skipTlsVerify() ? new TrustEverything()
                    : trustSystemPlus(RegistrySpec.parseCertificates(config.name(), config.caPem()));
            ctx.init(null, new TrustManager[] {tm}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS for registry " + config.name(), e);
        }
    }

    /** The JDK's default trust anchors and {@code extra}; host names stay verified by the JDK. */
    static X509TrustManager trustSystemPlus(List<X509Certificate> extra) throws GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            ks.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        int i = 0;
        for (X509Certificate c : defaultTrustManager().getAcceptedIssuers()) {
            ks.setCertificateEntry("system-" + i++, c);
        }
        i = 0;
        for (X509Certificate c : extra) {
            ks.setCertificateEntry("registry-ca-" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X509TrustManager");
    }

    private static X509TrustManager defaultTrustManager() throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no default X509TrustManager");
    }

    /**
     * Accepts any certificate for any host: only for registries configured with skip-tls-verify. Being an
     * {@link X509ExtendedTrustManager}, it also takes over the host name check (so that is skipped too).
     */
    private static final class TrustEverything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
