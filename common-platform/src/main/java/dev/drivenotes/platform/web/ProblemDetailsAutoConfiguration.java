package dev.drivenotes.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.DeserializationFeature;

/**
 * RFC 9457 problem details for every error of every service. Also registered for {@code
 * @WebMvcTest} slices, so controller tests see the same error bodies as production.
 */
@AutoConfiguration
@ConditionalOnWebApplication
public class ProblemDetailsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    /**
     * Optional numeric and boolean fields of the contract's records may be left out of a request
     * (Jackson 3 would reject them): the records' compact constructors validate what they get.
     */
    @Bean
    JsonMapperBuilderCustomizer lenientPrimitivesCustomizer() {
        return builder -> builder.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }
}
