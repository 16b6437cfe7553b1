package dev.drivenotes.platform.web;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * How a service reaches another: one JDK {@link HttpClient} per target, made once when the client
 * component is built and kept for its life. The JDK client pools its connections and keeps them
 * alive between requests (Tomcat keeps them open too), so a closed loop of many small calls pays
 * for a TCP connection once, not per call. HTTP/1.1 from the start: the services speak nothing
 * else, and a default (HTTP/2) JDK client would offer an {@code h2c} upgrade on every new
 * connection.
 */
public final class ServiceConnections {

    private ServiceConnections() {}

    /** A request factory over one new pooled client; build one per target, never one per call. */
    public static ClientHttpRequestFactory requestFactory(Duration connectTimeout, Duration readTimeout) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(readTimeout);
        return requests;
    }
}
