package dev.drivenotes.platform.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes that survive a crash: replace a file atomically (the old or the new content, never a mix),
 * append a line, and with {@code fsync} force it to the disk before returning (a power loss then
 * keeps it too; without, a killed process does).
 */
public final class DurableFiles {

    private DurableFiles() {}

    /** Replaces {@code target} with {@code content} by writing a temp file and renaming it over. */
    public static void replace(Path target, byte[] content, boolean fsync) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                writeFully(channel, content);
                if (fsync) {
                    channel.force(false);
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Appends {@code line} and a newline to {@code file}, creating it when missing. */
    public static void appendLine(Path file, byte[] line, boolean fsync) throws IOException {
        try (FileChannel channel = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            byte[] withNewline = new byte[line.length + 1];
            System.arraycopy(line, 0, withNewline, 0, line.length);
            withNewline[line.length] = '\n';
            writeFully(channel, withNewline);
            if (fsync) {
                channel.force(false);
            }
        }
    }

    /**
     * Forces a folder's entries (a created or renamed file) to the disk. Linux supports it; where a
     * folder cannot be opened for this the call fails and says so.
     */
    public static void forceDirectory(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static void writeFully(FileChannel channel, byte[] content) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
