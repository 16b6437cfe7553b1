package dev.drivenotes.carla.map.opendrive;

/**
 * A pull reader for recursive descent over elements: a method reading an element is called on its
 * start tag, reads its attributes, and consumes it up to its end tag with {@link #nextChild} (each
 * child fully consumed by its own method) or {@link #skip}. Two parsers implement it so that they
 * can be compared on the same descent: the JDK's StAX and the byte-level {@link XmlScanner}.
 */
interface XmlCursor {

    /** Moves to the first start tag of the document; false when it has none. */
    boolean root();

    /**
     * Moves to the next child element of the current element and returns true, or to the current
     * element's end tag and returns false.
     */
    boolean nextChild();

    /** Local name of the current element. */
    String name();

    /** The value of an attribute of the current start tag, or null when absent. */
    String attribute(String name);

    /** Consumes the current element with everything in it, up to its end tag. */
    void skip();

    /** The text inside the current element (descendants' text included), consuming it up to its end tag. */
    String text();

    /** Reads the rest of the document after the root element: only comments and processing instructions may follow. */
    void finish();

    /** 1-based line of the reader's position. */
    int line();
}
