package io.slipway.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the .deb with the documented command, installs it with dpkg -i and checks what it puts on the desktop:
 * the `slipway` command on the PATH, the desktop entry (matching the window's WM_CLASS, offering the SBOM types),
 * the icon, the SBOM file types in the MIME database, bash/zsh completion and the man pages; then removes it.
 */
class DebPackageIT {
    @TempDir
    Path tmp;

    @Test
    void theDebInstallsCommandDesktopEntryIconFileTypesCompletionAndManPages() throws Exception {
        Path jar = Path.of(System.getenv().getOrDefault("SLIPWAY_JAR", "target/slipway.jar")).toAbsolutePath();
        Path out = tmp.resolve("jpackage");
        Result build = sh("SLIPWAY_BUILD_DIR='" + jar.getParent() + "' bash packaging/jpackage/build.sh all '" + out + "'",
                900);
        assertThat(build.code()).as(build.output()).isZero();
        Path deb;
        try (Stream<Path> files = Files.list(out)) {
            deb = files.filter(f -> f.toString().endsWith(".deb")).findFirst().orElseThrow();
        }
        Result install = sh("dpkg -i '" + deb + "'", 300);
        assertThat(install.code()).as(install.output()).isZero();
        try {
            Result version = sh("cd / && PATH=/usr/bin:/bin slipway --version", 60);
            assertThat(version.output()).startsWith("slipway ");
            Result info = sh("slipway --workspace '" + tmp.resolve("ws") + "' workspace info", 120);
            assertThat(info.code()).as(info.output()).isZero();

            String entry = Files.readString(Path.of("/usr/share/applications/slipway.desktop"));
            assertThat(entry).contains("StartupWMClass=Slipway", "Icon=slipway", "Exec=/opt/slipway/bin/Slipway %f",
                    "MimeType=application/x-slipway-spdx;application/x-slipway-spdx+json;"
                            + "application/x-slipway-cyclonedx+json;application/x-slipway-cyclonedx+xml;");
            assertThat(Path.of("/usr/share/icons/hicolor/256x256/apps/slipway.png")).isRegularFile();
            assertThat(Files.readString(Path.of("/opt/slipway/lib/app/Slipway.cfg")))
                    .contains("-XX:SharedArchiveFile=$APPDIR/slipway.jsa");
            // the class archive was dumped at the installed path, and the launcher maps it (-Xshare:on fails if not)
            assertThat(Path.of("/opt/slipway/lib/app/slipway.jsa")).isRegularFile();
            Result mapped = sh("JAVA_TOOL_OPTIONS=-Xshare:on slipway --version", 60);
            assertThat(mapped.code()).as(mapped.output()).isZero();

            String globs = Files.readString(Path.of("/usr/share/mime/globs2"));
            assertThat(globs).contains("application/x-slipway-spdx:*.spdx", "application/x-slipway-spdx+json:*.spdx.json",
                    "application/x-slipway-cyclonedx+json:*.cdx.json", "application/x-slipway-cyclonedx+xml:*.cdx.xml");

            Result bash = sh("source /usr/share/bash-completion/completions/slipway && complete -p slipway", 30);
            assertThat(bash.output()).contains("slipway");
            assertThat(Files.readString(Path.of("/usr/share/zsh/vendor-completions/_slipway"))).startsWith("#compdef slipway");
            for (String page : List.of("slipway", "slipway-deploy", "slipway-sbom-publish", "slipway-audit-verify")) {
                Path man = Path.of("/usr/share/man/man1/" + page + ".1.gz");
                assertThat(man).isRegularFile();
                assertThat(sh("zcat '" + man + "' | head -20", 30).output()).contains(".TH \"" + page.toUpperCase().replace("-", "\\-")); // roff escapes the hyphen
            }
        } finally {
            Result remove = sh("dpkg -r slipway", 300);
            assertThat(remove.code()).as(remove.output()).isZero();
        }
        assertThat(Path.of("/usr/bin/slipway")).doesNotExist();
        assertThat(Path.of("/usr/share/applications/slipway.desktop")).doesNotExist();
    }

    record Result(int code, String output) {
    }

    private static Result sh(String script, int timeoutSeconds) throws Exception {
        Path log = Files.createTempFile("deb-it", ".log");
        Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(timeoutSeconds, TimeUnit.SECONDS)).as(script + " within " + timeoutSeconds + " s").isTrue();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Result(p.exitValue(), out);
    }
}
