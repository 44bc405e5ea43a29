package io.slipway.core.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.core.SlipwayCore;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.sbom.ComponentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleImporterTest {
    @TempDir
    Path tmp;

    @Test
    void aNewWorkspaceGetsTheBundledSampleWithEveryComponentType() {
        try (SlipwayCore core = SlipwayCore.open(tmp.resolve("ws"), Optional.of(SampleSource.bundled()))) {
            assertThat(core.nodes().all()).hasSize(4).first().satisfies(n -> {
                assertThat(n.name()).isEqualTo("build-node-01");
                assertThat(n.installed()).containsEntry("perception-core", "2.3.1");
            });
            assertThat(core.components().all()).extracting(c -> c.type()).contains(ComponentType.values());
            assertThat(core.components().all()).filteredOn(c -> c.type() == ComponentType.DERIVATIVE)
                    .allSatisfy(c -> assertThat(c.nativeId()).isNotBlank());
            assertThat(core.upgrades().all()).hasSize(1);
            assertThat(core.deploys().all()).hasSize(2);
            assertThat(core.audit().latest(10)).extracting(e -> e.action())
                    .containsExactly("workspace.sample-imported", "workspace.created");
        }
        try (SlipwayCore again = SlipwayCore.open(tmp.resolve("ws"), Optional.of(SampleSource.bundled()))) {
            assertThat(again.nodes().all()).as("an existing workspace is never re-seeded").hasSize(4);
        }
    }

    @Test
    void theRepositorySampleFolderMatchesTheBundledOne() {
        try (SlipwayCore core = SlipwayCore.open(tmp.resolve("ws"), Optional.of(SampleSource.folder(Path.of("sample"))))) {
            assertThat(core.nodes().all()).hasSize(4);
            assertThat(core.components().all()).hasSize(11);
        }
    }

    @Test
    void aMissingSampleFolderIsNamed() {
        Path missing = tmp.resolve("no-such-sample");
        assertThatThrownBy(() -> SampleSource.folder(missing)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
    }

    @Test
    void aBadSampleFileIsNamedWithItsLineAndStoresNothing() throws IOException {
        Path sample = copySample();
        Files.writeString(sample.resolve("deploys.json"), "{\n  \"deploys\": [\n    {\"software\": 42,,}\n  ]\n}\n");
        try (SlipwayCore core = SlipwayCore.open(tmp.resolve("ws"), Optional.empty())) {
            assertThatThrownBy(() -> core.importSample(SampleSource.folder(sample)))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("deploys.json at line 3");
            assertThat(core.nodes().all()).isEmpty();
            assertThat(core.components().all()).isEmpty();
        }
    }

    @Test
    void anUnknownComponentTypeNamesTheComponent() throws IOException {
        Path sample = copySample();
        Path manifest = sample.resolve(SampleImporter.RELEASE_SET);
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("\"open-source\"", "\"shareware\""));
        try (SlipwayCore core = SlipwayCore.open(tmp.resolve("ws"), Optional.empty())) {
            assertThatThrownBy(() -> core.importSample(SampleSource.folder(sample)))
                    .hasMessageContaining("component 'zlib'").hasMessageContaining("unknown component type 'shareware'");
        }
    }

    private Path copySample() throws IOException {
        Path target = tmp.resolve("sample");
        Path source = Path.of("sample");
        try (Stream<Path> all = Files.walk(source)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }
}
