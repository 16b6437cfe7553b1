package dev.drivenotes.platform.web.testing;

import java.util.List;

/**
 * What a hostile client sees of one service: its endpoints, and the body limit it should enforce.
 *
 * @param service the service's name
 * @param maxRequestBytes its {@code drivenotes.web.max-request-size}
 * @param endpoints every endpoint
 */
public record Surface(String service, long maxRequestBytes, List<Endpoint> endpoints) {

    public Surface {
        endpoints = List.copyOf(endpoints);
    }

    /** The endpoints that read a JSON body. */
    List<Endpoint> bodyEndpoints() {
        return endpoints.stream().filter(e -> e.sampleBody() != null).toList();
    }

    /**
     * One endpoint.
     *
     * @param method its method
     * @param path its path; {@code {id}} stands for an identifier the corpus replaces
     * @param sampleBody a JSON body the endpoint rejects only for the reason each mutation adds (e.g.
     *     routes between places no map has, so that even a mutation that misses still starts
     *     nothing), or null for an endpoint without a body
     * @param requiredFields top-level fields of the body whose absence is a 400
     * @param stringFields paths of the body's string fields ({@code routes[0].from}) with the
     *     longest value each accepts
     * @param badQueries query strings (without {@code ?}) it must reject with 400; {@code {long}}
     *     stands for a value far longer than any parameter takes
     */
    public record Endpoint(
            String method,
            String path,
            String sampleBody,
            List<String> requiredFields,
            List<StringField> stringFields,
            List<String> badQueries) {

        public Endpoint {
            requiredFields = List.copyOf(requiredFields);
            stringFields = List.copyOf(stringFields);
            badQueries = List.copyOf(badQueries);
        }

        /** An endpoint without a body or parameters. */
        public static Endpoint plain(String method, String path) {
            return new Endpoint(method, path, null, List.of(), List.of(), List.of());
        }

        public boolean hasId() {
            return path.contains("{id}");
        }
    }

    /** A string field of a body and the most characters it accepts. */
    public record StringField(String path, int maxChars) {}
}
