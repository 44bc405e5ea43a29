package io.slipway.core.sbom.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.core.common.Clock;
import io.slipway.core.common.UserFacingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release-set manifest's checks, and what generation finds in sources and LICENSE files. */
class ManifestAndScanTest {
    @TempDir
    Path tmp;

    Path manifestWith(String field, Object value) {
        return new ReleaseFixture(tmp.resolve("set")).component("c", "third-party", 2, null, "MIT").set("c", field, value)
                .manifest();
    }

    @Test
    void badManifestsNameTheFileTheComponentAndTheField() throws Exception {
        Map<Object[], String> cases = new java.util.LinkedHashMap<>();
        cases.put(new Object[] {"id", "../c"}, "field 'id' must be letters, digits");
        cases.put(new Object[] {"id", "Release"}, "is reserved");
        cases.put(new Object[] {"type", "vendor"}, "unknown component type 'vendor'");
        cases.put(new Object[] {"mode", 4}, "release mode must be 1, 2 or 3, not 4");
        cases.put(new Object[] {"native", "x"}, "only a derivative names a native");
        cases.put(new Object[] {"supplier", "ACME"}, "field 'supplier' must start with 'Organization: '");
        cases.put(new Object[] {"sourceDir", "../../etc"}, "field 'sourceDir' '../../etc' contains '..'");
        cases.put(new Object[] {"sourceDir", "/etc"}, "is an absolute path");
        cases.put(new Object[] {"binaryDir", "nope/bin"}, "binaryDir " + tmp.resolve("set/nope/bin") + " is not a folder");
        cases.put(new Object[] {"name", "a/b"}, "cannot be a folder name");
        cases.put(new Object[] {"licence", "MIT AND ("}, "field 'licence' 'MIT AND (' is not a valid SPDX licence expression");
        cases.put(new Object[] {"colour", "red"}, "unknown field 'colour'");
        cases.put(new Object[] {"mode", "one"}, "field 'components[0].mode' has the wrong type");
        for (Map.Entry<Object[], String> c : cases.entrySet()) {
            Path m = manifestWith((String) c.getKey()[0], c.getKey()[1]);
            assertThatThrownBy(() -> new SbomGenerator(Clock.SYSTEM).generate(ReleaseSetManifest.load(m), tmp.resolve("out")))
                    .as(c.getValue()).isInstanceOf(UserFacingException.class)
                    .hasMessageStartingWith(m.toString()).hasMessageContaining(c.getValue());
        }
    }

    @Test
    void duplicateIdsAndFoldersAreRefused() {
        Path m = new ReleaseFixture(tmp.resolve("set")).component("a", "owned", 2, null, "MIT")
                .component("b", "owned", 2, null, "MIT").set("b", "name", "a").manifest();
        assertThatThrownBy(() -> ReleaseSetManifest.load(m)).hasMessageContaining("also a 1.0 (name and version must be unique)");
        Path m2 = new ReleaseFixture(tmp.resolve("set2")).component("a", "owned", 2, null, "MIT")
                .component("a", "owned", 2, null, "MIT").manifest();
        assertThatThrownBy(() -> ReleaseSetManifest.load(m2)).hasMessageContaining("id 'a' is used twice");
        assertThatThrownBy(() -> ReleaseSetManifest.load(tmp.resolve("nowhere")))
                .hasMessageContaining("no such release-set manifest");
    }

    @Test
    void nonListLicencesBecomeLicenseRefsWithTheirTextAndCopyrightLinesAreCollected() throws Exception {
        Path set = tmp.resolve("set");
        ReleaseFixture fx = new ReleaseFixture(set).component("blob", "third-party", 2, null, null);
        fx.write("blob/src/a.c", "// SPDX-License-Identifier: Acme-Proprietary\n// Copyright 2025 Acme GmbH\nint a;\n");
        fx.write("blob/src/b.py", "# SPDX-License-Identifier: MIT OR apache-2.0\n# (c) 2019 Someone Else\n");
        fx.write("blob/src/c.h", "/* SPDX-License-Identifier: MIT AND ( */\n");
        fx.write("blob/LICENCE.txt", "Acme Proprietary Licence\nAll rights reserved. Copyright 2025 Acme GmbH\n");
        GenerateResult r = new SbomGenerator(Clock.SYSTEM).generate(ReleaseSetManifest.load(fx.manifest()),
                tmp.resolve("out"));
        assertThat(r.notes()).anyMatch(n -> n.contains("Acme-Proprietary -> LicenseRef-Acme-Proprietary"))
                .anyMatch(n -> n.contains("./source/c.h: SPDX-License-Identifier 'MIT AND (' is not a valid"));
        ReleaseComponent c = SbomIndexLoader.load(r.index(), Map.of(), Optional.empty()).byId("blob").orElseThrow();
        // the library renders AND/OR members in set order, so compare the structure, not the string
        assertThat(c.declaredLicence()).contains(" AND ", " OR ");
        assertThat(LicenceExpressions.ids(c.declaredLicence()))
                .containsExactlyInAnyOrder("LicenseRef-Acme-Proprietary", "MIT", "Apache-2.0");
        assertThat(c.licenceTexts().get("LicenseRef-Acme-Proprietary")).startsWith("Acme Proprietary Licence");
        assertThat(c.copyright()).contains("Copyright 2025 Acme GmbH", "(c) 2019 Someone Else");
        assertThat(c.files()).extracting(ComponentFile::spdxName).contains("./LICENCE.txt");
        assertThat(SampleReleaseTest.readWithLibrary(r.documents().get(0)).verify()).isEmpty();
    }

    @Test
    void manifestLicenceFillsInWhenSourcesSayNothingAndDisagreementIsNoted() throws Exception {
        ReleaseFixture fx = new ReleaseFixture(tmp.resolve("set"))
                .component("quiet", "third-party", 2, null, null).set("quiet", "licence", "bsd-3-clause")
                .component("loud", "third-party", 2, null, "MIT").set("loud", "licence", "Apache-2.0");
        GenerateResult r = new SbomGenerator(Clock.SYSTEM).generate(ReleaseSetManifest.load(fx.manifest()),
                tmp.resolve("out"));
        LoadedRelease rel = SbomIndexLoader.load(r.index(), Map.of(), Optional.empty());
        assertThat(rel.byId("quiet").orElseThrow().declaredLicence()).isEqualTo("BSD-3-Clause");
        assertThat(rel.byId("loud").orElseThrow().declaredLicence()).isEqualTo("MIT");
        assertThat(r.notes()).singleElement().asString().contains("manifest says licence 'Apache-2.0' but the sources say 'MIT'");
    }

    @Test
    void scannerReadsCommentStylesAndIgnoresBinaries() {
        byte[] text = """
                #!/bin/sh
                # SPDX-License-Identifier: GPL-2.0-only WITH Linux-syscall-note
                <!-- SPDX-License-Identifier: MIT -->
                 * Copyright (C) 2001-2020 Free Hackers
                 * copyright notice without a year
                This file is distributed under the LGPL-2.1-only.
                """.getBytes(StandardCharsets.UTF_8);
        SourceScanner.Scan s = SourceScanner.scan(text, text.length, true);
        assertThat(s.expressions()).containsExactly("GPL-2.0-only WITH Linux-syscall-note", "MIT");
        assertThat(s.copyrights()).containsExactly("Copyright (C) 2001-2020 Free Hackers");
        assertThat(s.statedIds()).containsExactly("LGPL-2.1-only");
        byte[] bin = {0x7f, 'E', 'L', 'F', 0, 0, 'S', 'P', 'D', 'X'};
        assertThat(SourceScanner.scan(bin, bin.length, false).text()).isFalse();
        assertThat(LicenceExpressions.ids("(MIT OR GPL-2.0-only WITH Classpath-exception-2.0) AND Zlib"))
                .isEqualTo(List.of("MIT", "GPL-2.0-only", "Zlib"));
        assertThat(LicenceExpressions.normalise("mit or (gpl-2.0-only with classpath-exception-2.0)").expression())
                .isEqualTo("MIT OR (GPL-2.0-only WITH Classpath-exception-2.0)");
    }

    @Test
    void anEmptySourceFolderIsRefused() throws Exception {
        ReleaseFixture fx = new ReleaseFixture(tmp.resolve("set")).component("e", "owned", 2, null, null);
        Files.delete(tmp.resolve("set/e/src/e.c"));
        Files.delete(tmp.resolve("set/e/src/README"));
        Files.delete(tmp.resolve("set/e/bin/libe.so"));
        assertThatThrownBy(() -> new SbomGenerator(Clock.SYSTEM).generate(ReleaseSetManifest.load(fx.manifest()),
                tmp.resolve("out"))).hasMessageContaining("holds no files");
    }
}
