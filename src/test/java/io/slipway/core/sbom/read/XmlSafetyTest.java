package io.slipway.core.sbom.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** External entities are refused and never fetched; internal entities within the limit still read. */
class XmlSafetyTest {
    @TempDir
    Path tmp;

    private static String rdf(String doctype, String name) {
        return "<?xml version=\"1.0\"?>\n" + doctype + "\n"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                + "xmlns:spdx=\"http://spdx.org/rdf/terms#\">\n"
                + "  <spdx:SpdxDocument rdf:about=\"https://slipway.example/spdx/x#SPDXRef-DOCUMENT\">\n"
                + "    <spdx:specVersion>SPDX-2.3</spdx:specVersion>\n"
                + "    <spdx:name>" + name + "</spdx:name>\n"
                + "  </spdx:SpdxDocument>\n</rdf:RDF>\n";
    }

    @Test
    void externalEntitiesAndDtdsAreRefusedWithoutAnyConnection() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(300);
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/evil";
            List<String> doctypes = List.of(
                    "<!DOCTYPE rdf:RDF [ <!ENTITY x SYSTEM \"" + url + "/entity\"> ]>",
                    "<!DOCTYPE rdf:RDF SYSTEM \"" + url + "/dtd\">",
                    "<!DOCTYPE rdf:RDF PUBLIC \"-//EVIL//X\" \"" + url + "/public\">",
                    "<!DOCTYPE rdf:RDF [ <!ENTITY % p SYSTEM \"" + url + "/param\"> %p; ]>");
            int i = 0;
            for (String doctype : doctypes) {
                String name = doctype.contains("ENTITY x") ? "&x;" : "safe";
                Path f = Files.writeString(tmp.resolve("xxe" + i++ + ".rdf.xml"), rdf(doctype, name));
                for (SbomReader.Engine engine : List.of(SbomReader.Engine.AUTO, SbomReader.Engine.LIBRARY)) {
                    assertThatThrownBy(() -> SbomReader.read(f, engine)).as(doctype)
                            .isInstanceOf(SbomReadException.class)
                            .hasMessageStartingWith(f + ": XML external entity or DTD")
                            .hasMessageContaining("refused (Slipway never fetches or reads external entities)");
                }
            }
            Throwable accepted = catchThrowable(server::accept);
            assertThat(accepted).as("nothing connected to the entity URLs").isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void aLocalFileEntityIsNotRead() throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET-TOKEN");
        Path f = Files.writeString(tmp.resolve("xxe.rdf.xml"), rdf(
                "<!DOCTYPE rdf:RDF [ <!ENTITY s SYSTEM \"" + secret.toUri() + "\"> ]>", "&s;"));
        Throwable t = catchThrowable(() -> SbomReader.read(f));
        assertThat(t).isInstanceOf(SbomReadException.class).hasMessageNotContaining("TOP-SECRET-TOKEN");
        assertThat(t.getMessage()).contains("refused");
    }

    @Test
    void internalEntitiesWithinTheLimitStillRead() throws Exception {
        String fixture = Files.readString(Path.of("src/test/resources/sbom/adas-stack.spdx.rdf.xml"));
        String withEntities = fixture.replaceFirst("<rdf:RDF",
                "<!DOCTYPE rdf:RDF [ <!ENTITY spdx \"http://spdx.org/rdf/terms#\"> ]>\n<rdf:RDF")
                .replace("xmlns:spdx=\"http://spdx.org/rdf/terms#\"", "xmlns:spdx=\"&spdx;\"");
        assertThat(withEntities).contains("&spdx;");
        Path f = Files.writeString(tmp.resolve("entities.spdx.rdf.xml"), withEntities);
        SbomDocument doc = SbomReader.read(f);
        assertThat(doc.format()).isEqualTo(SbomFormat.SPDX_RDF_XML);
        assertThat(doc.packages()).hasSize(6);
    }
}
