package dev.drivenotes.platform.web.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One hostile request, as raw as it goes on the wire.
 *
 * @param kind what is wrong with it (the corpus's category)
 * @param method the request method, sent as is
 * @param target the request target, sent as is (it may be invalid on purpose)
 * @param headers header lines, sent as is ({@code Host}, {@code Connection} and the body's framing
 *     are added unless {@code rawFraming})
 * @param body the body
 * @param chunked send the body with {@code Transfer-Encoding: chunked} instead of {@code
 *     Content-Length}
 * @param rawFraming the headers already hold the framing (e.g. a lying {@code Content-Length})
 * @param expectedStatus the status a correct service answers, or 0 for any 4xx
 */
public record BadRequest(
        String kind,
        String method,
        String target,
        List<String> headers,
        Body body,
        boolean chunked,
        boolean rawFraming,
        int expectedStatus) {

    public BadRequest {
        headers = List.copyOf(headers);
    }

    /** A request whose framing this class writes. */
    public static BadRequest of(
            String kind, String method, String target, List<String> headers, Body body, int expected) {
        return new BadRequest(kind, method, target, headers, body, false, false, expected);
    }

    public BadRequest chunkedBody() {
        return new BadRequest(kind, method, target, headers, body, true, rawFraming, expectedStatus);
    }

    /** The request line and headers. */
    byte[] head(int port) {
        StringBuilder sb = new StringBuilder()
                .append(method)
                .append(' ')
                .append(target)
                .append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:")
                .append(port)
                .append("\r\nConnection: close\r\n");
        headers.forEach(h -> sb.append(h).append("\r\n"));
        if (!rawFraming) {
            if (chunked) {
                sb.append("Transfer-Encoding: chunked\r\n");
            } else if (body.length() > 0 || method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
                sb.append("Content-Length: ").append(body.length()).append("\r\n");
            }
        }
        return sb.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        String shown = target.length() > 80 ? target.substring(0, 80) + "…" : target;
        return kind + ": " + method + " " + shown + " (" + body.length() + " bytes" + (chunked ? ", chunked" : "")
                + ")";
    }

    /**
     * A body: {@code prefix}, then {@code fillCount} copies of {@code fill}, then {@code suffix};
     * large bodies are generated while they are sent, never held.
     */
    public record Body(byte[] prefix, byte fill, long fillCount, byte[] suffix) {

        public static final Body EMPTY = of("");

        public static Body of(String text) {
            return new Body(text.getBytes(StandardCharsets.UTF_8), (byte) 'x', 0, new byte[0]);
        }

        public static Body of(byte[] bytes) {
            return new Body(bytes.clone(), (byte) 'x', 0, new byte[0]);
        }

        /** {@code prefix}, {@code count} times {@code fill}, {@code suffix}. */
        public static Body filled(String prefix, char fill, long count, String suffix) {
            return new Body(
                    prefix.getBytes(StandardCharsets.UTF_8),
                    (byte) fill,
                    count,
                    suffix.getBytes(StandardCharsets.UTF_8));
        }

        public long length() {
            return prefix.length + fillCount + suffix.length;
        }

        void writeTo(OutputStream out, boolean chunked) throws IOException {
            byte[] block = new byte[64 * 1024];
            Arrays.fill(block, fill);
            write(out, prefix, prefix.length, chunked);
            for (long left = fillCount; left > 0; left -= block.length) {
                write(out, block, (int) Math.min(block.length, left), chunked);
            }
            write(out, suffix, suffix.length, chunked);
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
        }

        private static void write(OutputStream out, byte[] bytes, int length, boolean chunked) throws IOException {
            if (length == 0) {
                return;
            }
            if (chunked) {
                out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write(bytes, 0, length);
            if (chunked) {
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
        }
    }
}
