package io.slipway.core.sbom.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.DefaultHandler2;

/**
 * Screens XML before a library parses it: the JDK's own SAX parser, with secure processing and a low entity
 * expansion limit, reads the whole document first. Refused: any external entity or external DTD (so nothing is
 * ever fetched or read from disk on the document's say-so: XXE) and entity expansion beyond the limit ("billion
 * laughs"). Internal entities within the limit are fine (some RDF/XML writers abbreviate namespaces with them).
 */
final class XmlSafety {
    static final int ENTITY_EXPANSION_LIMIT = 2_000;
    private static final String EXPANSION_LIMIT = "http://www.oracle.com/xml/jaxp/properties/entityExpansionLimit";
    private static final String TOTAL_SIZE_LIMIT = "http://www.oracle.com/xml/jaxp/properties/totalEntitySizeLimit";
    private static final String REFUSED_EXTERNAL = "slipway-refused-external:";

    private XmlSafety() {
    }

    static void check(Path file, byte[] xml) {
        try {
            SAXParserFactory f = SAXParserFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            SAXParser parser = f.newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            parser.setProperty(EXPANSION_LIMIT, Integer.toString(ENTITY_EXPANSION_LIMIT));
            parser.setProperty(TOTAL_SIZE_LIMIT, Integer.toString(1_000_000));
            XMLReader reader = parser.getXMLReader();
            Refuser handler = new Refuser();
            reader.setContentHandler(handler);
            reader.setErrorHandler(handler);
            reader.setEntityResolver(handler);
            reader.setProperty("http://xml.org/sax/properties/lexical-handler", handler);
            reader.setProperty("http://xml.org/sax/properties/declaration-handler", handler);
            reader.parse(new InputSource(new ByteArrayInputStream(xml)));
        } catch (SAXParseException e) {
            String what = describe(e);
            boolean positioned = e.getLineNumber() > 1 && !what.startsWith("XML entity expansion");
            throw new SbomReadException(file, positioned ? "line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() : "", what, e);
        } catch (SAXException e) {
            throw new SbomReadException(file, "", describe(e), e);
        } catch (ParserConfigurationException | IOException e) {
            throw new SbomReadException(file, "", "cannot screen the XML: " + e.getMessage(), e);
        }
    }

    private static String describe(SAXException e) {
        String msg = String.valueOf(e.getMessage());
        if (msg.contains(REFUSED_EXTERNAL)) {
            return "XML external entity or DTD " + msg.substring(msg.indexOf(REFUSED_EXTERNAL) + REFUSED_EXTERNAL.length())
                    + " refused (Slipway never fetches or reads external entities)";
        }
        if (msg.contains("JAXP00010001") || msg.contains("JAXP00010004") || msg.contains("JAXP00010003")
                || msg.contains("entity expansion") || msg.contains("entityExpansion")) {
            return "XML entity expansion beyond the limit (" + ENTITY_EXPANSION_LIMIT
                    + " expansions; a \"billion laughs\" document?): refused";
        }
        if (msg.contains("accessExternalDTD") || msg.contains("External Entity")) {
            return "XML external entity or DTD refused (Slipway never fetches or reads external entities): "
                    + JsonProblems.firstLine(msg);
        }
        return "invalid XML: " + JsonProblems.firstLine(msg);
    }

    /** Throws on any external entity declaration, external DTD or resolution attempt; reports parse errors. */
    private static final class Refuser extends DefaultHandler2 {
        @Override
        public void startDTD(String name, String publicId, String systemId) throws SAXException {
            if (systemId != null || publicId != null) {
                throw new SAXException(REFUSED_EXTERNAL + "'" + (systemId != null ? systemId : publicId) + "'");
            }
        }

        @Override
        public void externalEntityDecl(String name, String publicId, String systemId) throws SAXException {
            throw new SAXException(REFUSED_EXTERNAL + "'" + name + "' -> '" + systemId + "'");
        }

        @Override
        public InputSource resolveEntity(String name, String publicId, String baseURI, String systemId)
                throws SAXException {
            throw new SAXException(REFUSED_EXTERNAL + "'" + systemId + "'");
        }

        @Override
        public InputSource resolveEntity(String publicId, String systemId) throws SAXException {
            throw new SAXException(REFUSED_EXTERNAL + "'" + systemId + "'");
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }
    }
}
