package io.slipway.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Test helper run as a separate process: holds a workspace open until its stdin closes (or it is killed).
 * {@code HoldWorkspace DIR [KEY VALUE]} stores a setting first; {@code HoldWorkspace DIR --legacy} holds it the way
 * Slipway up to schema 4 did (H2 FILE_LOCK=FILE, which leaves slipway.lock.db behind when killed).
 */
public final class HoldWorkspace {
    private HoldWorkspace() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        if (args.length > 1 && args[1].equals("--legacy")) {
            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(Workspace.DB_NAME)
                    + ";FILE_LOCK=FILE", "sa", "")) {
                holdUntilStdinCloses();
            }
            return;
        }
        try (Workspace ws = Workspace.open(dir)) {
            if (args.length > 2) {
                new Settings(ws.jdbc()).put(args[1], args[2]);
            }
            holdUntilStdinCloses();
        }
    }

    private static void holdUntilStdinCloses() throws Exception {
        System.out.print("held\n");
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the test to close our stdin
        }
    }
}
