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
 *
 * <p>Files are read with the byte-level {@link XmlScanner}: on the CARLA towns it parses about 1.6
 * times as fast as the JDK's StAX warm and twice as fast cold (docs/benchmarks.md, "Map loading").
 * StAX stays selectable so that {@code drivenotes bench map-load} keeps measuring that margin; both
 * read the same model.
 */
public final class OpenDriveLoader {

    /** The XML parser under the reader. */
    public enum Parser {
        /** The byte-level {@link XmlScanner}: what maps are loaded with. */
        SCANNER,
        /** The JDK's StAX, DTDs and external entities off: the benchmark's reference. */
        STAX
    }

    private OpenDriveLoader() {}

    public static OpenDriveMap load(Path file) {
        return load(file, Parser.SCANNER);
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
            return parse(in.readAllBytes(), sourceName, Parser.SCANNER);
        } catch (IOException e) {
            throw new InvalidInputException("map", "cannot read " + sourceName + ": " + e.getMessage());
        }
    }

    static OpenDriveMap parse(byte[] bytes, String sourceName, Parser parser) {
        try {
            XmlCursor cursor = switch (parser) {
                case STAX -> new StaxCursor(new ByteArrayInputStream(bytes));
                case SCANNER -> new XmlScanner(bytes);
            };
            return OpenDriveReader.read(cursor, sourceName);
        } catch (MalformedXmlException e) {
            throw new InvalidInputException("map", sourceName + " is not well-formed XML: " + e.getMessage());
        }
    }
}
