package io.slipway.core.sbom.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.slipway.testsupport.SharedDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The validator runs on id symbols: assigned while parsing by the streaming reader, or from the strings for the
 * other readers. Both numberings must give the same verdict on every SPDX JSON we have, good or bad.
 */
class ValidatorSymbolPathsTest {
    static Stream<Path> jsonDocuments() throws IOException {
        List<Path> all = new ArrayList<>(SharedDir.spdxCorpus());
        all.add(Path.of("src/test/resources/sbom/adas-stack.spdx.json"));
        try (Stream<Path> bad = Files.list(Path.of("src/test/resources/sbom-bad"))) {
            bad.filter(p -> p.toString().endsWith(".spdx.json")).sorted().forEach(all::add);
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("jsonDocuments")
    void readerSymbolsAndStringSymbolsGiveTheSameVerdict(Path file) {
        SpdxJsonStreamReader.Parsed parsed;
        try {
            parsed = SpdxJsonStreamReader.parse(file);
        } catch (SbomReadException e) {
            return; // refused while parsing (syntax, types, version): nothing to validate
        }
        Throwable bySymbols = catchThrowable(() -> SbomValidator.validate(parsed.document(), parsed.symbols()));
        Throwable byStrings = catchThrowable(() -> SbomValidator.validate(parsed.document()));
        if (bySymbols == null) {
            assertThat(byStrings).isNull();
            assertThat(SbomValidator.validate(parsed.document(), parsed.symbols()).findings())
                    .isEqualTo(SbomValidator.validate(parsed.document()).findings());
        } else {
            assertThat(byStrings).isInstanceOf(SbomReadException.class).hasMessage(bySymbols.getMessage());
            assertThat(((SbomReadException) byStrings).errors()).isEqualTo(((SbomReadException) bySymbols).errors());
        }
    }
}
