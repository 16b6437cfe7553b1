package dev.drivenotes.platform.web.testing;

import dev.drivenotes.platform.web.ProblemType;
import dev.drivenotes.platform.web.WebProperties;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a corpus to one service, one request after another, and keeps the figures: statuses, 5xx,
 * errors that are not problem details, bad requests accepted, statuses other than expected, bodies
 * over the limit answered 413, the largest reply.
 */
public final class BadRequestRun {

    /** The outcome of one run. */
    public record Figures(
            String service,
            int sent,
            Map<Integer, Integer> byStatus,
            int serverErrors,
            int notProblemDetails,
            int accepted,
            int unexpectedStatus,
            int overLimit,
            int overLimitAnswered413,
            int noReply,
            long largestReplyBytes,
            String largestReply,
            List<String> failures) {

        /** Every bad request answered 4xx with problem details, as expected. */
        public boolean clean() {
            return serverErrors == 0
                    && notProblemDetails == 0
                    && accepted == 0
                    && unexpectedStatus == 0
                    && noReply == 0;
        }

        @Override
        public String toString() {
            return String.format(
                    "%-16s sent %5d  5xx %d  not-problem+json %d  accepted %d  unexpected %d  413 %d/%d  no-reply %d"
                            + "  largest reply %d B  statuses %s%n    largest: %s",
                    service,
                    sent,
                    serverErrors,
                    notProblemDetails,
                    accepted,
                    unexpectedStatus,
                    overLimitAnswered413,
                    overLimit,
                    noReply,
                    largestReplyBytes,
                    byStatus,
                    largestReply);
        }
    }

    static final int MAX_FAILURES_KEPT = 25;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private BadRequestRun() {}

    /**
     * Sends {@code count} bad requests drawn from {@code seed} to the service on loopback {@code
     * port} and prints the figures; fails with them and the first failures unless every one was
     * answered 4xx with problem details as expected and every body over the limit with 413. Also
     * fails unless the service listens on loopback only and enforces the surface's body limit.
     */
    public static Figures requireClean(Surface surface, int port, WebProperties configured, long seed, int count) {
        if (configured.maxRequestSize().toBytes() != surface.maxRequestBytes()) {
            throw new AssertionError(surface.service() + " is configured with a body limit of "
                    + configured.maxRequestSize().toBytes() + " bytes, its surface says " + surface.maxRequestBytes());
        }
        Loopback.requireLoopbackOnly(port);
        Figures figures = run(
                surface.service(),
                URI.create("http://127.0.0.1:" + port),
                BadRequestCorpus.generate(surface, seed, count));
        System.out.println(figures);
        if (!figures.clean() || figures.overLimit() == 0 || figures.overLimitAnswered413() != figures.overLimit()) {
            throw new AssertionError(figures + "\n  " + String.join("\n  ", figures.failures()));
        }
        return figures;
    }

    /** Sends every request of {@code corpus} to {@code base} (loopback) and tallies the replies. */
    public static Figures run(String service, URI base, List<BadRequest> corpus) {
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int serverErrors = 0, notProblem = 0, accepted = 0, unexpected = 0, overLimit = 0, answered413 = 0, noReply = 0;
        long largest = 0;
        String largestReply = "";
        for (BadRequest request : corpus) {
            boolean isOverLimit = request.expectedStatus() == 413;
            overLimit += isOverLimit ? 1 : 0;
            RawHttp.Reply reply;
            try {
                reply = RawHttp.send(base, request);
            } catch (IOException e) {
                noReply++;
                keep(failures, request + " -> no reply: " + e.getMessage());
                continue;
            }
            byStatus.merge(reply.status(), 1, Integer::sum);
            if (reply.bodyBytes() > largest) {
                largest = reply.bodyBytes();
                largestReply = request + " -> " + reply.status() + " " + excerpt(reply);
            }
            answered413 += isOverLimit && reply.status() == 413 ? 1 : 0;
            String problem = problemDefect(reply);
            if (reply.status() >= 500) {
                serverErrors++;
                keep(failures, request + " -> " + reply.status() + " " + excerpt(reply));
            } else if (reply.status() < 400) {
                accepted++;
                keep(failures, request + " -> accepted with " + reply.status());
            } else if (problem != null) {
                notProblem++;
                keep(failures, request + " -> " + reply.status() + " " + problem + ": " + excerpt(reply));
            } else if (request.expectedStatus() != 0 && request.expectedStatus() != reply.status()) {
                unexpected++;
                keep(
                        failures,
                        request + " -> " + reply.status() + ", expected " + request.expectedStatus() + ": "
                                + excerpt(reply));
            }
        }
        return new Figures(
                service,
                corpus.size(),
                byStatus,
                serverErrors,
                notProblem,
                accepted,
                unexpected,
                overLimit,
                answered413,
                noReply,
                largest,
                largestReply,
                List.copyOf(failures));
    }

    /** Why the reply is not a problem document with a stable type and title, or null when it is one. */
    static String problemDefect(RawHttp.Reply reply) {
        if (!reply.contentType().startsWith("application/problem+json")) {
            return "content type '" + reply.contentType() + "'";
        }
        JsonNode body;
        try {
            body = MAPPER.readTree(reply.body());
        } catch (RuntimeException e) {
            return "body is not JSON";
        }
        if (!body.path("type").asString("").startsWith(ProblemType.BASE)) {
            return "no stable type";
        }
        if (body.path("title").asString("").isBlank()) {
            return "no title";
        }
        if (body.path("status").asInt(-1) != reply.status()) {
            return "status member differs";
        }
        String text = reply.text();
        if (text.contains("Exception") || text.contains("\tat ") || text.contains("java.")) {
            return "leaks an exception";
        }
        return null;
    }

    private static String excerpt(RawHttp.Reply reply) {
        String text = reply.text().replaceAll("\\s+", " ");
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static void keep(List<String> failures, String failure) {
        if (failures.size() < MAX_FAILURES_KEPT) {
            failures.add(failure);
        }
    }
}
