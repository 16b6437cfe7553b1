package dev.drivenotes.carla.map.opendrive;

/** The input is not well-formed XML; the message is one line that starts with the line number. */
final class MalformedXmlException extends RuntimeException {

    MalformedXmlException(String message) {
        super(message);
    }
}
