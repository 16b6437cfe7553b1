package dev.drivenotes.platform.json;

import dev.drivenotes.model.experiment.StepRecord;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;

/** A trajectory as gzip-compressed JSON lines, one {@link StepRecord} a line. */
public final class TrajectoryCodec {

    public static final String CONTENT_TYPE = "application/x-ndjson+gzip";

    private static final ObjectWriter WRITER = Json.mapper().writerFor(StepRecord.class);
    private static final ObjectReader READER = Json.mapper().readerFor(StepRecord.class);

    private TrajectoryCodec() {}

    public static byte[] encode(List<StepRecord> steps) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(steps.size() * 160 + 64);
        try (Writer out = new OutputStreamWriter(new GZIPOutputStream(bytes, 1 << 16), StandardCharsets.UTF_8)) {
            for (StepRecord step : steps) {
                out.write(WRITER.writeValueAsString(step));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode trajectory", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Decodes a trajectory.
     *
     * @throws IllegalArgumentException naming the line when the content is not a trajectory
     */
    public static List<StepRecord> decode(byte[] content) {
        List<StepRecord> steps = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new ByteArrayInputStream(content), 1 << 16), StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    steps.add(READER.readValue(line));
                } catch (JacksonException e) {
                    throw new IllegalArgumentException(
                            "trajectory line " + lineNo + " is not a step record: " + e.getOriginalMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("trajectory is not gzip-compressed JSON lines: " + e.getMessage(), e);
        }
        return steps;
    }
}
