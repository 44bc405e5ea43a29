package io.slipway.core.sbom.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus (src/test/resources/sbom-bad, described in its expected.tsv): each file gives exactly the
 * expected one-line message (or reads with the expected warning or finding), never a crash; spdx-java-library, where it
 * reads the format, either reads the file too or fails with an SbomReadException naming the file.
 */
class BadSbomCorpusTest {
    static final Path DIR = Path.of("src/test/resources/sbom-bad");

    record Expectation(String file, String outcome, String text) {
    }

    static List<Expectation> expectations() throws IOException {
        return Files.readAllLines(DIR.resolve("expected.tsv")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t", 3))
                .map(c -> new Expectation(c[0], c[1], c[2]))
                .toList();
    }

    static Stream<Arguments> cases() throws IOException {
        return expectations().stream().map(e -> Arguments.of(e.file(), e.outcome(), e.text()));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void eachBadInputGivesItsMessage(String name, String outcome, String text) {
        Path file = DIR.resolve(name);
        Throwable thrown = catchThrowable(() -> Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> SbomReader.read(file)));
        switch (outcome) {
            case "error" -> {
                assertThat(thrown).isInstanceOf(SbomReadException.class);
                assertThat(thrown.getMessage()).isEqualTo(file + ": " + text).doesNotContain("\n");
                assertThat(((SbomReadException) thrown).file()).isEqualTo(file);
            }
            case "warning" -> {
                assertThat(thrown).isNull();
                assertThat(SbomReader.read(file).warnings()).extracting(ReadFinding::toString)
                        .anySatisfy(w -> assertThat(w).contains(text));
            }
            case "finding" -> {
                // opens leniently; text is "<severity> <rule> <where>: <message>"
                assertThat(thrown).isNull();
                SbomDocument doc = SbomReader.read(file);
                assertThat(doc.findings()).extracting(f -> f.severity().label() + " " + f.rule() + " " + f)
                        .contains(text);
                if (text.startsWith("error ")) {
                    assertThat(catchThrowable(() -> SbomReader.readStrict(file)))
                            .isInstanceOf(SbomReadException.class).hasMessageContaining(file + ": ");
                }
            }
            case "ok" -> assertThat(thrown).as(text).isNull();
            default -> throw new IllegalArgumentException("unknown outcome " + outcome + " in expected.tsv");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theLibraryReaderNeverCrashesEither(String name, String outcome, String text) {
        Path file = DIR.resolve(name);
        Throwable thrown = catchThrowable(() -> SbomReader.read(file, SbomReader.Engine.LIBRARY));
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(SbomReadException.class);
            assertThat(thrown.getMessage()).startsWith(file + ": ").doesNotContain("\n");
        }
        if (outcome.equals("warning") || outcome.equals("ok")) {
            assertThat(thrown).isNull();
        }
    }

    @Test
    void everyFileInTheCorpusHasAnExpectation() throws IOException {
        Set<String> described = expectations().stream().map(Expectation::file).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(DIR)) {
            Set<String> present = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("expected.tsv"))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(present).isEqualTo(new TreeSet<>(described));
        }
    }
}
