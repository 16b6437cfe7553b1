package dev.drivenotes.app;

import dev.drivenotes.platform.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A headless Chromium driven over the Chrome DevTools Protocol: one page, commands over a WebSocket
 * (java.net.http), JavaScript evaluated in the page. Only what the dashboard's browser test needs.
 * The browser listens on a loopback port of its own choosing and is killed on {@link #close()}.
 */
final class Chromium implements AutoCloseable {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

    private final Process process;
    private final WebSocket page;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending;

    private Chromium(Process process, WebSocket page, Map<Integer, CompletableFuture<JsonNode>> pending) {
        this.process = process;
        this.page = page;
        this.pending = pending;
    }

    /** The browser binary: {@code $CHROMIUM}, else Debian's {@code chromium} or a Chrome on the usual paths. */
    static Optional<Path> find() {
        List<String> candidates = new ArrayList<>();
        String configured = System.getenv("CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        candidates.addAll(List.of(
                "/usr/bin/chromium",
                "/usr/bin/chromium-browser",
                "/usr/bin/google-chrome",
                "/usr/bin/google-chrome-stable"));
        return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /** Starts the browser with a fresh profile in {@code profile} and connects to its first page. */
    static Chromium launch(Path binary, Path profile, int widthPx, int heightPx)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        binary.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--no-first-run",
                        "--no-default-browser-check",
                        "--remote-debugging-address=127.0.0.1",
                        "--remote-debugging-port=0",
                        "--user-data-dir=" + profile,
                        "--window-size=" + widthPx + "," + heightPx,
                        "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            URI browser = devToolsUri(process);
            URI list = URI.create("http://" + browser.getAuthority() + "/json/list");
            HttpClient http = HttpClient.newHttpClient();
            String targets = http.send(HttpRequest.newBuilder(list).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            URI pageUri = null;
            for (JsonNode target : Json.mapper().readTree(targets)) {
                if ("page".equals(target.path("type").asString())) {
                    pageUri = URI.create(target.path("webSocketDebuggerUrl").asString());
                    break;
                }
            }
            if (pageUri == null) {
                throw new IOException("chromium opened no page: " + targets);
            }
            Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
            WebSocket socket = http.newWebSocketBuilder()
                    .buildAsync(pageUri, new Replies(pending))
                    .get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return new Chromium(process, socket, pending);
        } catch (IOException | InterruptedException | RuntimeException | ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw e instanceof IOException io ? io : new IOException("cannot drive chromium: " + e.getMessage(), e);
        }
    }

    /** The browser's DevTools URL from the line it prints on stderr once it listens. */
    private static URI devToolsUri(Process process) throws IOException {
        BufferedReader err =
                new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = err.readLine()) != null; ) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread.ofVirtual().start(() -> drain(err));
                return URI.create(m.group(1));
            }
            seen.append(line).append('\n');
        }
        throw new IOException("chromium exited before it listened:\n" + seen);
    }

    private static void drain(BufferedReader err) {
        try {
            while (err.readLine() != null) {
                // chromium's own log lines: read so that the browser never blocks on a full pipe
            }
        } catch (IOException closed) {
            // the browser is gone: nothing more to read
        }
    }

    /** Loads {@code url} and waits until the new document (after any redirect) has loaded. */
    void navigate(URI url) {
        evaluate("window.leaving = true");
        send("Page.navigate", Map.of("url", url.toString()));
        waitUntil(
                Duration.ofSeconds(30),
                () -> Boolean.TRUE.equals(
                        evaluateQuietly("window.leaving === undefined && document.readyState === 'complete'")));
    }

    /** Evaluates {@code expression} in the page (promises awaited) and returns its JSON value. */
    JsonNode evaluate(String expression) {
        JsonNode reply =
                send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (reply.has("exceptionDetails")) {
            throw new IllegalStateException("the page threw: "
                    + reply.path("exceptionDetails")
                            .path("exception")
                            .path("description")
                            .asString(reply.path("exceptionDetails").toString()));
        }
        return reply.path("result").path("value");
    }

    /** Like {@link #evaluate}, but null while the page is between documents (its context is gone). */
    Object evaluateQuietly(String expression) {
        try {
            JsonNode value = evaluate(expression);
            return value.isBoolean() ? value.asBoolean() : value.isMissingNode() ? null : value;
        } catch (IllegalStateException navigating) {
            return null;
        }
    }

    /** Polls {@code condition} every 100 ms until it holds; fails after {@code timeout}. */
    static void waitUntil(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the page did not reach the expected state within " + timeout);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the page", e);
            }
        }
    }

    /** A PNG of the page as shown. */
    byte[] screenshot() {
        JsonNode reply = send("Page.captureScreenshot", Map.of("format", "png"));
        return Base64.getDecoder().decode(reply.path("data").asString());
    }

    private JsonNode send(String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("id", id);
        command.put("method", method);
        command.put("params", params);
        page.sendText(Json.mapper().writeValueAsString(command), true).join();
        try {
            JsonNode answer = reply.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (answer.has("error")) {
                throw new IllegalStateException(method + " failed: " + answer.get("error"));
            }
            return answer.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + method, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(method + " got no answer: " + e, e);
        } finally {
            pending.remove(id);
        }
    }

    /** Collects each message (which may come in parts) and completes the command it answers. */
    private static final class Replies implements WebSocket.Listener {
        private final Map<Integer, CompletableFuture<JsonNode>> pending;
        private final StringBuilder message = new StringBuilder();

        Replies(Map<Integer, CompletableFuture<JsonNode>> pending) {
            this.pending = pending;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                JsonNode node = Json.mapper().readTree(message.toString());
                message.setLength(0);
                if (node.has("id")) {
                    CompletableFuture<JsonNode> reply =
                            pending.get(node.get("id").asInt());
                    if (reply != null) {
                        reply.complete(node);
                    }
                }
            }
            socket.request(1);
            return null;
        }
    }

    @Override
    public void close() {
        page.abort();
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
