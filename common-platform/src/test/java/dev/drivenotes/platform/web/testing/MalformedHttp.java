package dev.drivenotes.platform.web.testing;

import dev.drivenotes.platform.web.testing.BadRequest.Body;
import java.util.List;

/** Requests broken at the HTTP level, which the server rejects before any controller: any 4xx. */
final class MalformedHttp {

    private MalformedHttp() {}

    static List<BadRequest> requests(String kind, String target) {
        return List.of(
                BadRequest.of(kind, "GET", target, List.of("NoColonInThisHeader"), Body.EMPTY, 0),
                BadRequest.of(kind, "GET", target, List.of("X-Big: " + "h".repeat(20_000)), Body.EMPTY, 0),
                BadRequest.of(kind, "GET", target + "?" + "q=" + "l".repeat(20_000), List.of(), Body.EMPTY, 0),
                raw(kind, target, "Content-Length: abc"),
                raw(kind, target, "Content-Length: -5"),
                raw(kind, target, "Content-Length: 3", "Content-Length: 4"),
                raw(kind, target, "Content-Length: 2", "Transfer-Encoding: chunked"),
                BadRequest.of(kind, "GET", "/v1/exp{}|^`", List.of(), Body.EMPTY, 0),
                BadRequest.of(kind, "GET", "/v1/\u00e9t\u00e9", List.of(), Body.EMPTY, 0),
                BadRequest.of(kind, "GET", "*", List.of(), Body.EMPTY, 0),
                BadRequest.of(kind, "GET", "/v1/ space", List.of(), Body.EMPTY, 0),
                BadRequest.of(kind, "G\u00c9T", target, List.of(), Body.EMPTY, 0),
                BadRequest.of(kind, "GET", target, List.of("Expect: the-unexpected"), Body.EMPTY, 0),
                BadRequest.of(kind, "GET", target, List.of("Host: second.example"), Body.EMPTY, 0));
    }

    private static BadRequest raw(String kind, String target, String... framing) {
        return new BadRequest(kind, "POST", target, List.of(framing), Body.of("{}"), false, true, 0);
    }
}
