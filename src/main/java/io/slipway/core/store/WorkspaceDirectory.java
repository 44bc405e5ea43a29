package io.slipway.core.store;

import io.slipway.core.common.UserFacingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Makes sure the workspace directory exists and is writable, with a message that says what to do. */
final class WorkspaceDirectory {
    private WorkspaceDirectory() {
    }

    static void prepare(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserFacingException("Workspace path " + dir + " is a file, not a directory. "
                    + "Choose another --workspace DIR.");
        }
        try {
            if (!Files.exists(dir)) {
                Files.createDirectories(dir);
                WorkspacePermissions.makeDirectoryPrivate(dir);
            }
        } catch (IOException e) {
            throw new UserFacingException("Cannot create workspace directory " + dir + " (" + e.getMessage()
                    + "). Choose a writable location with --workspace DIR or $" + WorkspaceLocation.ENV_VAR + ".", e);
        }
        if (!Files.isWritable(dir)) {
            throw new UserFacingException("Workspace directory " + dir + " is not writable. "
                    + "Fix its permissions or choose another with --workspace DIR.");
        }
    }
}
