package io.slipway.gui.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Shows a folder in the desktop's file manager ({@code xdg-open}), creating it first if needed. */
public final class FolderOpener {
    private static final Logger LOG = LoggerFactory.getLogger(FolderOpener.class);

    private FolderOpener() {
    }

    /** Empty when the file manager was started, else why not (for the user). */
    public static java.util.Optional<String> open(Path folder) {
        try {
            Files.createDirectories(folder);
            new ProcessBuilder("xdg-open", folder.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return java.util.Optional.empty();
        } catch (IOException e) {
            LOG.warn("cannot open folder {}: {}", folder, e.getMessage());
            return java.util.Optional.of("Cannot open " + folder + " (" + e.getMessage() + "); open it in a file manager.");
        }
    }
}
