package dev.drivenotes.platform.web;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.cbor.JacksonCborHttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.client.RestClient;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * {@code application/cbor} (RFC 8949) bodies: the same documents as the APIs' JSON, in binary (numbers
 * as IEEE floats, byte arrays such as the bird's-eye raster as byte strings instead of base64). A
 * server reads and writes CBOR when {@code Content-Type} / {@code Accept} ask for it and JSON
 * otherwise; problem details stay {@code application/problem+json} whatever was asked.
 */
public final class CborBodies {

    /**
     * What a client that prefers CBOR accepts: CBOR first, then problem details and JSON (an error
     * answer, or a server that speaks JSON only), then whatever an endpoint produces.
     */
    static final List<MediaType> ACCEPT =
            MediaType.parseMediaTypes("application/cbor, application/problem+json, application/json;q=0.9, */*;q=0.1");

    /** Reads other services' answers leniently, as the JSON clients do: a newer writer's extra fields never break a reader. */
    private static final CBORMapper LENIENT = CBORMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private CborBodies() {}

    /**
     * The server's CBOR converter: Boot's {@code CBORMapper} reading request bodies as strictly as
     * JSON ones (an unknown field, trailing content or a duplicate field is a 400).
     */
    static JacksonCborHttpMessageConverter strictServerConverter(CBORMapper mapper) {
        return new JacksonCborHttpMessageConverter(mapper.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build());
    }

    /**
     * A copy of {@code builder} whose requests send their bodies as CBOR and ask for CBOR answers. Only
     * for services of this suite: other APIs (Vertex AI's {@code :predict}) speak JSON only.
     */
    public static RestClient.Builder preferredBy(RestClient.Builder builder) {
        return builder.clone()
                .defaultHeaders(headers -> headers.setAccept(ACCEPT))
                .messageConverters(CborBodies::cborBeforeJson);
    }

    /**
     * A body without an explicit content type goes to the first converter that can write it: the
     * CBOR converter takes the place just before the JSON one (strings and byte arrays keep theirs).
     */
    private static void cborBeforeJson(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(JacksonCborHttpMessageConverter.class::isInstance);
        int json = 0;
        while (json < converters.size() && !(converters.get(json) instanceof JacksonJsonHttpMessageConverter)) {
            json++;
        }
        converters.add(json, new JacksonCborHttpMessageConverter(LENIENT));
    }
}
