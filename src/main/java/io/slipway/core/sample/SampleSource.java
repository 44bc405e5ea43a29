package io.slipway.core.sample;

import io.slipway.core.common.UserFacingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where sample files come from: a folder on disk, or the copy bundled in the jar. */
public interface SampleSource {
    /** Opens one file of the sample by its relative name. */
    InputStream open(String relativeName) throws IOException;

    /** A human-readable name for messages. */
    String describe();

    static SampleSource bundled() {
        return new SampleSource() {
            @Override
            public InputStream open(String name) throws IOException {
                InputStream in = SampleSource.class.getResourceAsStream("/sample/" + name);
                if (in == null) {
                    throw new IOException("bundled sample file sample/" + name + " is missing from the jar");
                }
                return in;
            }

            @Override
            public String describe() {
                return "the bundled sample";
            }
        };
    }

    static SampleSource folder(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new UserFacingException("Sample folder " + root + " does not exist or is not a folder. "
                    + "Point --sample at a folder holding fleet.json, upgrade-offer.json, deploys.json and "
                    + "release-set/release-set.json (the repository's sample/ folder is one).");
        }
        return new SampleSource() {
            @Override
            public InputStream open(String name) throws IOException {
                Path file = root.resolve(name).normalize();
                if (!file.startsWith(root)) {
                    throw new IOException(name + " points outside the sample folder " + root);
                }
                return Files.newInputStream(file);
            }

            @Override
            public String describe() {
                return "sample folder " + root;
            }
        };
    }
}
