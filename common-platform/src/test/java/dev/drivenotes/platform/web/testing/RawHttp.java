package dev.drivenotes.platform.web.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 client over a plain socket, one connection per request, so that a hostile request can
 * be anything: an invalid request line, a lying {@code Content-Length}, a 50 MB chunked body. The
 * body is written on its own thread while the reply is read, so an early answer (a 413 before the
 * body is read) is seen even when the server then closes the connection. Loopback only.
 */
public final class RawHttp {

    /** A reply: status, lower-case header names, the first {@link #MAX_KEPT_BYTES} of the body and its full length. */
    public record Reply(int status, Map<String, String> headers, byte[] body, long bodyBytes) {

        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    static final int MAX_KEPT_BYTES = 64 * 1024;
    private static final int TIMEOUT_MS = 15_000;

    private RawHttp() {}

    /** Sends {@code request} to {@code base} (an {@code http://127.0.0.1:port} URI) and reads the reply. */
    public static Reply send(URI base, BadRequest request) throws IOException {
        if (!base.getHost().equals("127.0.0.1") && !base.getHost().equals("localhost")) {
            throw new IllegalArgumentException("bad requests go to loopback only, not " + base);
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(request.head(base.getPort()));
            out.flush();
            Thread writer = Thread.ofVirtual().start(() -> writeBody(out, request));
            try {
                return read(socket.getInputStream(), request.method().equals("HEAD"));
            } finally {
                writer.interrupt();
            }
        }
    }

    private static void writeBody(OutputStream out, BadRequest request) {
        try {
            request.body().writeTo(out, request.chunked());
            out.flush();
        } catch (IOException closedByServer) {
            // the server answered and closed before taking the whole body: the reply tells what happened
        }
    }

    private static Reply read(InputStream in, boolean head) throws IOException {
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP reply: '" + statusLine + "'");
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(
                        h.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        h.substring(colon + 1).trim());
            }
        }
        if (status == 100) {
            return read(in, head);
        }
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        long total;
        if (head || status == 204 || status == 304) {
            total = 0;
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            total = 0;
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16);
                    size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                total += copy(in, kept, size);
                line(in);
            }
        } else if (headers.containsKey("content-length")) {
            total = copy(in, kept, Long.parseLong(headers.get("content-length")));
        } else {
            total = copy(in, kept, Long.MAX_VALUE);
        }
        return new Reply(status, headers, kept.toByteArray(), total);
    }

    private static long copy(InputStream in, ByteArrayOutputStream kept, long length) throws IOException {
        byte[] buffer = new byte[8192];
        long done = 0;
        while (done < length) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, length - done));
            if (n < 0) {
                if (length == Long.MAX_VALUE) {
                    break;
                }
                throw new IOException("reply body ended after " + done + " of " + length + " bytes");
            }
            int keep = (int) Math.max(0, Math.min(n, MAX_KEPT_BYTES - kept.size()));
            kept.write(buffer, 0, keep);
            done += n;
        }
        return done;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed mid-line");
            }
            if (b != '\r') {
                line.write(b);
            }
            if (line.size() > 64 * 1024) {
                throw new IOException("reply line longer than 64 KiB");
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
