package dev.drivenotes.platform.web.testing;

import java.util.List;

/** Request targets no service serves: unknown paths, traversal attempts, odd identifiers. */
final class Paths {

    private Paths() {}

    /** Well-formed paths that name nothing: 404. */
    static final List<String> UNKNOWN = List.of(
            "/v1/nope",
            "/v2/experiments",
            "/v1/experiments/a/b/c/d",
            "/v1/simulations/x/y/z",
            "/favicon.ico",
            "/index.html",
            "/actuator/env",
            "/actuator/heapdump",
            "/actuator/configprops",
            "/actuator/shutdown",
            "/admin/login",
            "/.env",
            "/.git/config",
            "/error",
            "/v1/",
            "/wp-login.php",
            "/v1/predict/extra",
            "/v1/maps",
            "/v1/reports");

    /** Attempts to climb out of the path space or smuggle separators: any 4xx. */
    static final List<String> TRAVERSAL = List.of(
            "/v1/../../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/v1/reports/..%2f..%2fetc%2fpasswd/report.json",
            "/v1/reports/%2e%2e/report.json",
            "/v1/reports/..%252f..%252fetc/report.json",
            "/..;/actuator/env",
            "/v1;x=1/experiments",
            "//etc/passwd",
            "/v1/experiments/..%5c..%5cwindows",
            "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
            "/v1/maps/places/..%00/x",
            "/v1/%00",
            "/./././v1/../v1/../..",
            "/v1/experiments/%2F",
            "/v1/maps/summary/%2e%2e%2f%2e%2e%2f");

    /** Identifiers in the place of an {@code {id}}: any 4xx. */
    static final List<String> ODD_IDS = List.of(
            "a".repeat(2000),
            "exp-" + "9".repeat(300),
            "..",
            "%2e%2e",
            "%00",
            "%20",
            "%E2%82%AC",
            "%F0%9F%9A%97",
            "'%20OR%201=1--",
            "%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "%2F",
            "%5C",
            "x;y=1",
            "%25",
            "-1",
            "0",
            "null",
            "undefined",
            "..%2F..%2Fetc",
            "%C0%80",
            "%FF%FE");
}
