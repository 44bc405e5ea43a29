package io.slipway.core.audit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Who acts (the OS user) and where (the host name): recorded in every audit event. */
public record Actor(String user, String host) {
    /** The OS user, which is who acts in a desktop console. */
    public static String osUser() {
        return System.getProperty("user.name", "unknown");
    }

    /**
     * The machine's name, without a network lookup where possible ($HOSTNAME, /etc/hostname), because a laptop
     * offline may wait seconds for a resolver that is not there.
     */
    public static String localHost() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        env = System.getenv("COMPUTERNAME"); // Windows
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            Path etc = Path.of("/etc/hostname");
            if (Files.isReadable(etc)) {
                String name = Files.readString(etc).strip();
                if (!name.isEmpty()) {
                    return name;
                }
            }
        } catch (IOException e) {
            // fall through to the resolver
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
