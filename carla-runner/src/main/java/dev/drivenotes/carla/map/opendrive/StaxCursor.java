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
    public boolean root() {
        while (true) {
            int event = advance();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                return false;
            }
        }
    }

    @Override
    public boolean nextChild() {
        while (true) {
            int event = advance();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
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
    public void skip() {
        for (int depth = 1; depth > 0; ) {
            int event = advance();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    @Override
    public String text() {
        StringBuilder text = new StringBuilder();
        for (int depth = 1; depth > 0; ) {
            int event = advance();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(reader.getText());
            }
        }
        return text.toString();
    }

    @Override
    public void finish() {
        try {
            while (reader.hasNext()) {
                reader.next();
            }
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    @Override
    public int line() {
        return reader.getLocation().getLineNumber();
    }

    /** The next event; END_DOCUMENT only once, and an error when asked for more. */
    private int advance() {
        try {
            if (!reader.hasNext()) {
                throw new MalformedXmlException("line " + line() + ": the document ends inside an element");
            }
            return reader.next();
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
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
