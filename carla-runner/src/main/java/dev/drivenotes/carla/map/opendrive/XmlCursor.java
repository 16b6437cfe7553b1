package dev.drivenotes.carla.map.opendrive;

/**
 * A pull parser as the element readers use it, for recursive descent: a method reading an element
 * is called on its start tag, reads its attributes, and consumes it up to its end tag with {@link
 * #nextChild} (each child consumed by its own method) or {@link #skip}. Implemented by the
 * byte-level {@link XmlScanner}, which maps are loaded with, and by {@link StaxCursor} over the JDK's
 * StAX, the benchmark's reference; the descent itself is written once, here.
 */
interface XmlCursor {

    int START = 1;
    int END = 2;
    int TEXT = 3;
    int EOF = 4;
    /** Anything else: comments, processing instructions, the document type declaration. */
    int OTHER = 5;

    /** Advances to the next START, END, TEXT, OTHER or EOF (again EOF when called after it). */
    int next();

    /** Local name of the element at the current START or END. */
    String name();

    /** The value of an attribute of the current START, or null when absent. */
    String attribute(String name);

    /** The current TEXT. */
    String text();

    /** 1-based line of the parser's position. */
    int line();

    /** Moves to the first start tag of the document; false when it has none. */
    default boolean root() {
        while (true) {
            int event = next();
            if (event == START) {
                return true;
            }
            if (event == EOF) {
                return false;
            }
        }
    }

    /**
     * Moves to the next child element of the current element and returns true, or to the current
     * element's end tag and returns false.
     */
    default boolean nextChild() {
        while (true) {
            int event = insideElement();
            if (event == START) {
                return true;
            }
            if (event == END) {
                return false;
            }
        }
    }

    /** Consumes the current element with everything in it, up to its end tag. */
    default void skip() {
        consume(null);
    }

    /** The text inside the current element, its descendants' included, consuming it up to its end tag. */
    default String elementText() {
        StringBuilder text = new StringBuilder();
        consume(text);
        return text.toString();
    }

    /** Consumes the current element up to its end tag, appending its text to {@code text} unless null. */
    private void consume(StringBuilder text) {
        for (int depth = 1; depth > 0; ) {
            int event = insideElement();
            if (event == START) {
                depth++;
            } else if (event == END) {
                depth--;
            } else if (event == TEXT && text != null) {
                text.append(text());
            }
        }
    }

    /** Reads the rest of the document after the root element. */
    default void finish() {
        while (next() != EOF) {
            // only comments and processing instructions may follow: the parsers reject anything else
        }
    }

    /** The next event inside an element, where the document may not end. */
    private int insideElement() {
        int event = next();
        if (event == EOF) {
            throw new MalformedXmlException("line " + line() + ": the document ends inside an element");
        }
        return event;
    }
}
