package io.slipway.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A private Xvfb X server for tests that need a real display (scripts/xvfb-lib.sh installs Xvfb). */
public final class XvfbDisplay implements AutoCloseable {
    private final Process xvfb;
    private final String display;

    private XvfbDisplay(Process xvfb, String display) {
        this.xvfb = xvfb;
        this.display = display;
    }

    /** Starts Xvfb on the first free display from {@code from} on, and waits until it accepts clients. */
    public static XvfbDisplay start(int from) throws IOException, InterruptedException {
        for (int n = from; n < from + 20; n++) {
            if (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                continue;
            }
            Process p = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            for (int i = 0; i < 100 && p.isAlive(); i++) {
                if (Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                    return new XvfbDisplay(p, ":" + n);
                }
                Thread.sleep(100);
            }
            p.destroy();
        }
        throw new IOException("no Xvfb display could be started from :" + from);
    }

    /** The value for DISPLAY. */
    public String display() {
        return display;
    }

    @Override
    public void close() throws InterruptedException {
        xvfb.destroy();
        xvfb.waitFor(10, TimeUnit.SECONDS);
    }
}
