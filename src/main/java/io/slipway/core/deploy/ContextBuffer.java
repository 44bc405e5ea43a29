package io.slipway.core.deploy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A software image's build context: kept in memory while it is small, spilled to a temporary file beyond
 * {@code memoryLimit}. Why: build output is usually small, and writing a file waits whenever the machine's disk is busy
 * (the engines' storage drivers copy whole layers), which showed as the largest part of a deploy's own time in the
 * image step. Write it, then {@link #open()} it for the build; {@link #close()} deletes the file, if there is one.
 */
final class ContextBuffer extends OutputStream {
    static final int MEMORY_LIMIT = 32 << 20;

    /** The bytes written so far, readable without a copy. */
    private static final class Bytes extends ByteArrayOutputStream {
        Bytes() {
            super(64 << 10);
        }

        InputStream read() {
            return new ByteArrayInputStream(buf, 0, count);
        }
    }

    private final int memoryLimit;
    private Bytes memory = new Bytes();
    private Path file;
    private OutputStream fileOut;

    ContextBuffer() {
        this(MEMORY_LIMIT);
    }

    ContextBuffer(int memoryLimit) {
        this.memoryLimit = memoryLimit;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (fileOut == null && memory.size() + (long) len > memoryLimit) {
            spill();
        }
        if (fileOut != null) {
            fileOut.write(b, off, len);
        } else {
            memory.write(b, off, len);
        }
    }

    private void spill() throws IOException {
        file = Files.createTempFile("slipway-context-", ".tar");
        fileOut = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        memory.writeTo(fileOut);
        memory = null;
    }

    /** True when the context went to a temporary file. */
    boolean spilled() {
        return file != null;
    }

    /** The context written so far, from its start. */
    InputStream open() throws IOException {
        if (fileOut == null) {
            return memory.read();
        }
        fileOut.flush();
        return Files.newInputStream(file);
    }

    /** Deletes the temporary file, if the context went to one. */
    @Override
    public void close() throws IOException {
        if (fileOut != null) {
            fileOut.close();
            Files.deleteIfExists(file);
        }
    }
}
