package io.slipway.gui.look;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Whether the desktop asks applications for a dark look, read where Linux desktops say it: {@code GTK_THEME}
 * (e.g. {@code Adwaita:dark}), else GNOME's {@code color-scheme} / {@code gtk-theme} settings through
 * {@code gsettings}. Read once per process, off the FX thread; anything unreadable means light.
 */
public final class DesktopPreference {
    private static volatile CompletableFuture<Boolean> reading;

    private DesktopPreference() {
    }

    /** Starts reading in the background (at start-up, while the workspace opens). */
    public static void readAsync() {
        if (reading == null) {
            synchronized (DesktopPreference.class) {
                if (reading == null) {
                    reading = CompletableFuture.supplyAsync(DesktopPreference::read);
                }
            }
        }
    }

    public static boolean prefersDark() {
        readAsync();
        return reading.join();
    }

    static boolean read() {
        String gtkTheme = System.getenv("GTK_THEME");
        if (gtkTheme != null && !gtkTheme.isBlank()) {
            return gtkTheme.toLowerCase(Locale.ROOT).contains("dark");
        }
        String scheme = gsettings("color-scheme");
        if (scheme.contains("prefer-dark")) {
            return true;
        }
        if (scheme.contains("prefer-light")) {
            return false;
        }
        return gsettings("gtk-theme").toLowerCase(Locale.ROOT).contains("dark");
    }

    private static String gsettings(String key) {
        try {
            Process p = new ProcessBuilder("gsettings", "get", "org.gnome.desktop.interface", key)
                    .redirectErrorStream(true).start();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "";
            }
            return p.exitValue() == 0 ? new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return ""; // no gsettings: not a GNOME-like desktop
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
