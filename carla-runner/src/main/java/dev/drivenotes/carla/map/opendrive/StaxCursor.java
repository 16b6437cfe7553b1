package dev.drivenotes.carla.map.opendrive;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * {@link XmlCursor} over the JDK's StAX parser with DTDs and external entities off: a document type
 * declaration is not processed, so no entity it declares is expanded and nothing outside the input
 * is ever read. Parser errors surface as {@link MalformedXmlException} naming the line.
 */
final class StaxCursor implements XmlCursor {

    private final XMLStreamReader reader;

    StaxCursor(InputStream in) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            this.reader = factory.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    @Override
    public int next() {
        try {
            if (!reader.hasNext()) {
                return EOF;
            }
            return switch (reader.next()) {
                case XMLStreamConstants.START_ELEMENT -> START;
                case XMLStreamConstants.END_ELEMENT -> END;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> TEXT;
                case XMLStreamConstants.END_DOCUMENT -> EOF;
                default -> OTHER;
            };
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    @Override
    public String name() {
        return reader.getLocalName();
    }

    @Override
    public String attribute(String name) {
        return reader.getAttributeValue(null, name);
    }

    @Override
    public String text() {
        return reader.getText();
    }

    @Override
    public int line() {
        return reader.getLocation().getLineNumber();
    }

    /** One line: the parser's own message without its "ParseError at [row,col]" preamble. */
    private static MalformedXmlException malformed(XMLStreamException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int cut = message.indexOf("Message: ");
        String what = (cut >= 0 ? message.substring(cut + 9) : message).strip().replaceAll("\\s+", " ");
        int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
        return new MalformedXmlException((line > 0 ? "line " + line + ": " : "") + what);
    }
}
