package dev.drivenotes.carla.map.opendrive;

import dev.drivenotes.model.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads an OpenDRIVE (.xodr) file into an {@link OpenDriveMap}: header, roads (links, planView,
 * elevation, lane offset, lane sections with widths, borders and road marks, road types and speed
 * limits, signals and signal references), controllers and junctions, read by recursive descent
 * ({@link OpenDriveReader}). Anything that is not well-formed OpenDRIVE is reported as an {@link
 * InvalidInputException} on field {@code map} with one line saying what is wrong and on which line.
 */
public final class OpenDriveLoader {

    /** The XML parser under the reader: the JDK's StAX, or the byte-level {@link XmlScanner}. */
    public enum Parser {
        STAX,
        SCANNER
    }

    private OpenDriveLoader() {}

    public static OpenDriveMap load(Path file) {
        return load(file, Parser.STAX);
    }

    public static OpenDriveMap load(Path file, Parser parser) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidInputException("map", "cannot read " + file.getFileName() + ": " + e.getMessage());
        }
        return parse(bytes, file.getFileName().toString(), parser);
    }

    public static OpenDriveMap parse(InputStream in, String sourceName) {
        try {
            return parse(in.readAllBytes(), sourceName, Parser.STAX);
        } catch (IOException e) {
            throw new InvalidInputException("map", "cannot read " + sourceName + ": " + e.getMessage());
        }
    }

    static OpenDriveMap parse(byte[] bytes, String sourceName, Parser parser) {
        try {
            XmlCursor cursor = switch (parser) {
                case STAX -> new StaxCursor(new ByteArrayInputStream(bytes));
                case SCANNER -> new ScannerCursor(bytes);
            };
            return OpenDriveReader.read(cursor, sourceName);
        } catch (MalformedXmlException e) {
            throw new InvalidInputException("map", sourceName + " is not well-formed XML: " + e.getMessage());
        }
    }
}
