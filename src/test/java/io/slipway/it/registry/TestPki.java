package io.slipway.it.registry;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates for the token-auth registry fixture, made in-process (BouncyCastle): a CA, a TLS server
 * certificate for 127.0.0.1/localhost signed by it (used by both the registry and the token server), and a
 * self-signed token-signing certificate the registry trusts via {@code rootcertbundle}.
 */
public final class TestPki {
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Issued(KeyPair keys, X509Certificate cert) {
        public String certPem() {
            return pem(cert);
        }

        public String keyPem() {
            return pem(keys.getPrivate());
        }
    }

    public final Issued ca;
    public final Issued server;
    public final Issued tokenSigner;

    public TestPki() {
        try {
            ca = selfSigned("Slipway Token-Registry Test CA", true);
            server = signed(ca, "127.0.0.1");
            tokenSigner = selfSigned("Slipway Test Token Issuer", false);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot create test certificates", e);
        }
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048, RANDOM);
        return g.generateKeyPair();
    }

    private static Issued selfSigned(String cn, boolean isCa)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        KeyPair kp = rsa();
        X500Name name = new X500Name("CN=" + cn);
        X509v3CertificateBuilder b = builder(name, name, kp);
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(isCa ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                : KeyUsage.digitalSignature));
        return new Issued(kp, sign(b, kp.getPrivate()));
    }

    private static Issued signed(Issued issuer, String ip)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        KeyPair kp = rsa();
        X509v3CertificateBuilder b = builder(new X500Name(issuer.cert().getSubjectX500Principal().getName()),
                new X500Name("CN=" + ip), kp);
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.iPAddress, ip), new GeneralName(GeneralName.dNSName, "localhost")}));
        return new Issued(kp, sign(b, issuer.keys().getPrivate()));
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair kp) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).abs().add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), subject,
                kp.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(b.build(
                new JcaContentSignerBuilder("SHA256withRSA").build(key)));
    }

    static String pem(Object o) {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            pw.writeObject(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    public static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        return file;
    }

    /** A TLS server context presenting {@link #server} (chain: server, CA). */
    public SSLContext serverContext() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            char[] pw = "test".toCharArray();
            ks.setKeyEntry("server", server.keys().getPrivate(), pw, new X509Certificate[] {server.cert(), ca.cert()});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pw);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
