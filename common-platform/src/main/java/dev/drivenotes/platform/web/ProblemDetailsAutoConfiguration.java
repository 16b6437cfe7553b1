package dev.drivenotes.platform.web;

import org.apache.catalina.Container;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.CborMapperBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * The HTTP contract every service shares: RFC 9457 problem details for every error (from controllers,
 * Spring MVC, the error path and Tomcat itself), a request body limit, and strict reading of request
 * bodies (an unknown field is a 400 naming it). Also registered for {@code @WebMvcTest} slices, so
 * controller tests see the same error bodies as production.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebProperties.class)
public class ProblemDetailsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    /** Before every other filter (Spring Security's too): nothing reads a body past the limit. */
    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(WebProperties properties) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(properties.maxRequestSize().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * Optional numeric and boolean fields of the contract's records may be left out of a request
     * (Jackson 3 would reject them): the records' compact constructors validate what they get.
     */
    @Bean
    JsonMapperBuilderCustomizer lenientPrimitivesCustomizer() {
        return builder -> builder.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** The same for CBOR bodies ({@link CborBodies}). */
    @Bean
    CborMapperBuilderCustomizer lenientCborPrimitivesCustomizer() {
        return builder -> builder.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /**
     * The APIs speak JSON, and CBOR when a request asks for it ({@link CborBodies}); never XML (an
     * XML library on the class path would otherwise add XML bodies and answers). Request bodies are
     * read strictly: an unknown field, trailing content or a duplicate field is a 400. Only the
     * server side: responses from other services, events and stored files
     * are read with the lenient mapper, so that a newer writer's extra fields never break an older
     * reader.
     */
    @Bean
    WebMvcConfigurer strictRequestBodies(JsonMapper mapper, CBORMapper cborMapper) {
        JsonMapper strict = mapper.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return new WebMvcConfigurer() {
            @Override
            public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
                builder.withJsonConverter(new JacksonJsonHttpMessageConverter(strict))
                        .withCborConverter(CborBodies.strictServerConverter(cborMapper))
                        .configureMessageConvertersList(converters ->
                                converters.removeIf(converter -> converter.getSupportedMediaTypes().stream()
                                        .anyMatch(type -> type.getSubtype().endsWith("xml"))));
            }
        };
    }

    /**
     * Tomcat's own error reports (requests rejected before any servlet) as problem details, and
     * connections kept alive for as many requests as their clients send.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tomcat.class)
    static class TomcatSettings {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
            return new WebServerFactoryCustomizer<>() {
                @Override
                public void customize(TomcatServletWebServerFactory factory) {
                    factory.addContextCustomizers(context -> useProblemValve(context.getParent()));
                }
            };
        }

        /**
         * A kept-alive connection serves any number of requests: Tomcat would close it after 100,
         * and a closed loop makes thousands of calls to the same service. Idle connections still
         * close after the keep-alive timeout.
         */
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> unlimitedKeepAliveRequests() {
            return new WebServerFactoryCustomizer<>() {
                @Override
                public void customize(TomcatServletWebServerFactory factory) {
                    factory.addConnectorCustomizers(connector -> {
                        if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                            http.setMaxKeepAliveRequests(-1);
                        }
                    });
                }
            };
        }

        private static void useProblemValve(Container host) {
            Pipeline pipeline = host.getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                    pipeline.removeValve(valve);
                }
            }
            pipeline.addValve(new ProblemErrorReportValve());
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        }
    }
}
