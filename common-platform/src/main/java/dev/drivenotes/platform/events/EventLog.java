package dev.drivenotes.platform.events;

import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.platform.files.DurableFiles;
import dev.drivenotes.platform.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * The local bus's append-only event log: segment files {@code <folder>/<first seq, 20 digits>.jsonl},
 * one {@code {"seq":N,"event":{...}}} line per event. {@link #append} returns only once the line is
 * written and, with {@code fsync}, forced to the disk: an event whose publish completed survives a
 * killed process (and, with fsync, a power loss). A crash can only tear the line of an append that
 * never returned, at the very end of the last segment; opening the log cuts such a line off. A line
 * that does not parse anywhere else is corruption and stops the open.
 *
 * <p>A segment rolls over at {@code segmentBytes}; {@link #compact} deletes rolled-over segments
 * whose events every subscription has consumed. The retained events are also kept in memory, where
 * the subscriptions read them.
 */
final class EventLog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventLog.class);
    private static final String SUFFIX = ".jsonl";

    /** One line of a segment. */
    record Entry(long seq, EventEnvelope event) {}

    private final Path folder;
    private final long segmentBytes;
    private final boolean fsync;
    private final TreeMap<Long, Path> segments = new TreeMap<>();
    private final ConcurrentSkipListMap<Long, EventEnvelope> retained = new ConcurrentSkipListMap<>();
    private FileChannel current;
    private long currentBytes;
    private long nextSeq;
    private IOException broken;

    private EventLog(Path folder, long segmentBytes, boolean fsync) {
        this.folder = folder;
        this.segmentBytes = segmentBytes;
        this.fsync = fsync;
    }

    /** Opens (or creates) the log in {@code folder}, recovering what the last process left. */
    static EventLog open(Path folder, long segmentBytes, boolean fsync) {
        EventLog eventLog = new EventLog(folder, segmentBytes, fsync);
        try {
            Files.createDirectories(folder);
            eventLog.recover();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the event log in " + folder, e);
        }
        return eventLog;
    }

    private void recover() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).forEach(f -> segments.put(firstSeqOf(f), f));
        }
        long expected = segments.isEmpty() ? 0 : segments.firstKey();
        for (Map.Entry<Long, Path> segment : segments.entrySet()) {
            if (segment.getKey() != expected) {
                throw new IllegalStateException("event log segment " + segment.getValue() + " starts at "
                        + segment.getKey() + ", expected " + expected + ": the log is corrupt");
            }
            expected =
                    readSegment(segment.getValue(), expected, segment.getKey().equals(segments.lastKey()));
        }
        nextSeq = expected;
        if (segments.isEmpty()) {
            startSegment();
        } else {
            Path last = segments.lastEntry().getValue();
            current = FileChannel.open(last, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            currentBytes = current.size();
        }
    }

    /** Reads a segment's lines into memory; returns the seq after its last event. */
    private long readSegment(Path file, long firstSeq, boolean last) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        long seq = firstSeq;
        int lineStart = 0;
        int lineNumber = 1;
        while (lineStart < bytes.length) {
            int end = indexOf(bytes, (byte) '\n', lineStart);
            boolean torn = end < 0;
            Entry entry = torn ? null : parse(bytes, lineStart, end);
            if (torn || entry == null) {
                boolean atEnd = torn || end == bytes.length - 1;
                if (!last || !atEnd) {
                    throw new IllegalStateException(
                            "event log " + file + " is corrupt at line " + lineNumber + " (not its last line)");
                }
                log.warn(
                        "event log {}: cutting off a torn last line ({} bytes) from an append that never completed",
                        file,
                        bytes.length - lineStart);
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.truncate(lineStart);
                    channel.force(true);
                }
                return seq;
            }
            if (entry.seq() != seq) {
                throw new IllegalStateException("event log " + file + " line " + lineNumber + " has seq " + entry.seq()
                        + ", expected " + seq + ": the log is corrupt");
            }
            retained.put(seq, entry.event());
            seq++;
            lineStart = end + 1;
            lineNumber++;
        }
        return seq;
    }

    private static Entry parse(byte[] bytes, int from, int to) {
        try {
            return Json.mapper().readValue(bytes, from, to - from, Entry.class);
        } catch (JacksonException | IllegalArgumentException e) {
            return null;
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static long firstSeqOf(Path file) {
        String name = file.getFileName().toString();
        try {
            return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("unexpected file in the event log folder: " + file, e);
        }
    }

    /**
     * Appends an event durably and returns its seq.
     *
     * @throws UncheckedIOException when it could not be written; the log then refuses every later
     *     append unless the partial write could be undone
     */
    synchronized long append(EventEnvelope event) {
        if (broken != null) {
            throw new UncheckedIOException("the event log in " + folder + " failed earlier", broken);
        }
        byte[] json = Json.mapper().writeValueAsBytes(new Entry(nextSeq, event));
        ByteBuffer line =
                ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
        try {
            if (currentBytes > 0 && currentBytes + line.remaining() > segmentBytes) {
                current.close();
                startSegment();
            }
            long before = currentBytes;
            try {
                while (line.hasRemaining()) {
                    current.write(line);
                }
                if (fsync) {
                    current.force(false);
                }
            } catch (IOException e) {
                undo(before, e);
                throw e;
            }
            currentBytes += json.length + 1;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append " + event.type() + " to the event log in " + folder, e);
        }
        retained.put(nextSeq, event);
        notifyAll();
        return nextSeq++;
    }

    private void undo(long size, IOException cause) {
        try {
            current.truncate(size);
        } catch (IOException e) {
            cause.addSuppressed(e);
            broken = cause;
        }
    }

    private void startSegment() throws IOException {
        Path file = folder.resolve("%020d%s".formatted(nextSeq, SUFFIX));
        current =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        currentBytes = current.size();
        segments.put(nextSeq, file);
        if (fsync) {
            DurableFiles.forceDirectory(folder);
        }
    }

    /** The seq the next append gets: every event below it is in the log. */
    synchronized long nextSeq() {
        return nextSeq;
    }

    /**
     * The event at {@code seq}, waiting up to {@code timeoutMs} for it to be appended.
     *
     * @return null when it was not appended in time
     * @throws IllegalStateException when it was compacted away (no subscription needed it)
     */
    synchronized EventEnvelope await(long seq, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (nextSeq <= seq) {
            long leftMs = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMs <= 0) {
                return null;
            }
            wait(leftMs);
        }
        EventEnvelope event = retained.get(seq);
        if (event == null) {
            throw new IllegalStateException("event " + seq + " is no longer in the log");
        }
        return event;
    }

    /** Forgets events below {@code minSeq} and deletes the rolled-over segments holding only those. */
    synchronized void compact(long minSeq) {
        retained.headMap(minSeq).clear();
        Iterator<Map.Entry<Long, Path>> it = segments.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Path> segment = it.next();
            Long next = segments.higherKey(segment.getKey());
            if (next == null || next > minSeq) {
                return;
            }
            try {
                Files.deleteIfExists(segment.getValue());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete consumed event log segment " + segment.getValue(), e);
            }
            it.remove();
        }
    }

    /** How many segment files the log has now. */
    synchronized int segmentCount() {
        return segments.size();
    }

    @Override
    public synchronized void close() {
        try {
            current.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the event log in " + folder, e);
        }
        notifyAll();
    }
}
