package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.core.engine.EngineClient;
import io.slipway.core.engine.EngineEndpoint;
import io.slipway.core.engine.EngineException;
import io.slipway.core.engine.EngineFacts;
import io.slipway.core.engine.EngineTimeouts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node behind {@code tcp://} with TLS client certificates, the way a remote Docker Engine is exposed
 * ({@code dockerd --tlsverify}): a TLS listener on loopback that demands a client certificate from its own CA and
 * forwards to the real dockerd node's socket. The engine client must connect with {@code ca.pem}/{@code cert.pem}/
 * {@code key.pem} and be refused without a trusted client certificate.
 */
class EngineTlsIT {
    @TempDir
    static Path dir;
    static SSLServerSocket server;
    static final ExecutorService POOL = Executors.newCachedThreadPool();

    @BeforeAll
    static void startTlsFrontForTheDockerdNode() throws Exception {
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=engine-ca",
                "-keyout", "ca.key", "-out", "ca.pem");
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", "server.key",
                "-out", "server.csr");
        Files.writeString(dir.resolve("server.ext"), "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
        openssl("x509", "-req", "-days", "1", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                "-CAcreateserial", "-out", "server.pem", "-extfile", "server.ext");
        openssl("pkcs12", "-export", "-in", "server.pem", "-inkey", "server.key", "-out", "server.p12",
                "-passout", "pass:test");
        Path client = Files.createDirectories(dir.resolve("client"));
        Files.writeString(dir.resolve("client.ext"), "extendedKeyUsage=clientAuth\n");
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=slipway", "-keyout", "client/key.pem",
                "-out", "client.csr");
        openssl("x509", "-req", "-days", "1", "-in", "client.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                "-CAcreateserial", "-out", "client/cert.pem", "-extfile", "client.ext");
        Files.copy(dir.resolve("ca.pem"), client.resolve("ca.pem"));
        // a client whose certificate no one signed
        Path stranger = Files.createDirectories(dir.resolve("stranger"));
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=stranger",
                "-keyout", "stranger/key.pem", "-out", "stranger/cert.pem");
        Files.copy(dir.resolve("ca.pem"), stranger.resolve("ca.pem"));

        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("server.p12"))) {
            ks.load(in, "test".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "test".toCharArray());
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(dir.resolve("ca.pem"))) {
            Certificate ca = CertificateFactory.getInstance("X.509").generateCertificate(in);
            trust.setCertificateEntry("ca", ca);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        server = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setNeedClientAuth(true);
        Path socket = Path.of(java.net.URI.create(TestEnvironment.dockerdNode().replace("unix://", "file://")));
        POOL.submit(() -> {
            while (!server.isClosed()) {
                Socket s = server.accept();
                POOL.submit(() -> forward(s, socket));
            }
            return null;
        });
    }

    /**
     * Pumps bytes both ways. Plain channel reads/writes: the stream adapters of {@code Channels} share one lock for
     * reading and writing a blocking channel, which would deadlock a two-way pump.
     */
    private static Void forward(Socket tls, Path unixSocket) throws IOException {
        try (tls; SocketChannel unix = SocketChannel.open(UnixDomainSocketAddress.of(unixSocket))) {
            var back = POOL.submit(() -> {
                OutputStream out = tls.getOutputStream();
                ByteBuffer buf = ByteBuffer.allocate(1 << 16);
                while (unix.read(buf) >= 0) {
                    out.write(buf.array(), 0, buf.position());
                    out.flush();
                    buf.clear();
                }
                tls.shutdownOutput();
                return null;
            });
            InputStream in = tls.getInputStream();
            byte[] b = new byte[1 << 16];
            int n;
            try {
                while ((n = in.read(b)) >= 0) {
                    ByteBuffer w = ByteBuffer.wrap(b, 0, n);
                    while (w.hasRemaining()) {
                        unix.write(w);
                    }
                }
            } catch (IOException e) {
                // client went away
            }
            try {
                back.get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                back.cancel(true);
            }
        } catch (IOException e) {
            // handshake refused or peer closed
        }
        return null;
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        POOL.shutdownNow();
    }

    static void openssl(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("openssl " + String.join(" ", args) + ": " + out);
        }
    }

    private static String endpoint() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    @Test
    void probesAnEngineOverTlsWithClientCertificates() {
        try (EngineClient c = EngineClient.connect(new EngineEndpoint(endpoint(), dir.resolve("client")),
                EngineTimeouts.PROBE)) {
            EngineFacts f = c.probe();
            assertThat(f.kind()).isEqualTo("docker");
            assertThat(f.apiVersion()).isEqualTo("1.41");
            assertThat(f.cpus()).isPositive();
        }
    }

    @Test
    void refusedWithoutATrustedClientCertificate() {
        try (EngineClient c = EngineClient.connect(new EngineEndpoint(endpoint(), dir.resolve("stranger")),
                EngineTimeouts.PROBE)) {
            assertThatThrownBy(c::probe).isInstanceOf(EngineException.class)
                    .hasMessageContaining("cannot reach engine " + endpoint());
        }
        // plain HTTP to the TLS port is no engine either
        try (EngineClient c = EngineClient.connect(EngineEndpoint.of(endpoint()), EngineTimeouts.PROBE)) {
            assertThatThrownBy(c::probe).isInstanceOf(EngineException.class);
        }
    }

    @Test
    void aTlsDirectoryMissingAFileIsNamed() throws IOException {
        Path half = Files.createDirectories(dir.resolve("half"));
        Files.copy(dir.resolve("ca.pem"), half.resolve("ca.pem"));
        assertThatThrownBy(() -> EngineClient.connect(new EngineEndpoint(endpoint(), half), EngineTimeouts.PROBE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lacks a readable cert.pem");
    }
}
