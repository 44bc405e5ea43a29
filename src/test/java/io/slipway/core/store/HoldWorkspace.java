package io.slipway.core.store;

import java.nio.file.Path;

/** Test helper run as a separate process: holds a workspace open until its stdin closes. */
public final class HoldWorkspace {
    private HoldWorkspace() {
    }

    public static void main(String[] args) throws Exception {
        try (Workspace ws = Workspace.open(Path.of(args[0]))) {
            System.out.print("held\n");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the test to close our stdin
            }
        }
    }
}
