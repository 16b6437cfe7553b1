package dev.drivenotes.orchestrator.schedule;

import dev.drivenotes.platform.gcp.security.GoogleIdTokens;
import dev.drivenotes.platform.gcp.security.ProblemSecurityHandlers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /v1/schedules/**} takes only Google-signed ID tokens for the configured audience from the
 * configured service account (when {@code drivenotes.schedules.id-token.audience} is set, i.e. on
 * Google Cloud): a missing, forged, expired, undated or foreign-audience token is 401, another
 * caller 403, both as problem details. Everything else stays open, as in the local default (where
 * every service listens on loopback only).
 */
@Configuration(proxyBeanMethods = false)
class ScheduleSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain scheduleTriggers(HttpSecurity http, ScheduleProperties properties) throws Exception {
        http.securityMatcher("/v1/schedules/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        ScheduleProperties.IdToken idToken = properties.idToken();
        if (idToken.enabled()) {
            http.authorizeHttpRequests(requests -> requests.anyRequest()
                            .access(GoogleIdTokens.fromServiceAccount(idToken.serviceAccountEmail())))
                    .exceptionHandling(errors -> errors.authenticationEntryPoint(ProblemSecurityHandlers.unauthorized())
                            .accessDeniedHandler(ProblemSecurityHandlers.forbidden()))
                    .oauth2ResourceServer(server -> server.authenticationEntryPoint(
                                    ProblemSecurityHandlers.unauthorized())
                            .accessDeniedHandler(ProblemSecurityHandlers.forbidden())
                            .jwt(jwt -> jwt.decoder(GoogleIdTokens.decoder(idToken.jwkSetUri(), idToken.audience()))));
        } else {
            http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain everythingElseOpen(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
