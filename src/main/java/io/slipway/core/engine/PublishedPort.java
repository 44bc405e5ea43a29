package io.slipway.core.engine;

/** One host binding of a published container port, as the engine reports it ({@code 127.0.0.1:32768}). */
public record PublishedPort(String hostIp, int hostPort) {
    public boolean isLoopback() {
        return hostIp.equals("127.0.0.1") || hostIp.equals("::1") || hostIp.equals("localhost");
    }

    @Override
    public String toString() {
        return (hostIp.contains(":") ? "[" + hostIp + "]" : hostIp) + ":" + hostPort;
    }
}
