package io.slipway.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A real endpoint that accepts connections and never answers, like an engine on a powered-off rack behind a
 * switch that still completes the handshake: every call to it waits for its timeout.
 */
public final class BlackHole implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> held = new ArrayList<>();

    private BlackHole(ServerSocket server) {
        this.server = server;
        Thread acceptor = new Thread(this::acceptForever, "black-hole-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static BlackHole open() throws IOException {
        return new BlackHole(new ServerSocket(0, 1000, InetAddress.getLoopbackAddress()));
    }

    /** As a node's engine endpoint. */
    public String endpoint() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    private void acceptForever() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                synchronized (held) {
                    held.add(s); // kept open, never read from nor written to
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (held) {
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
