package dev.drivenotes.platform.gcp.security;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Verifies Google-signed OIDC ID tokens, the kind Cloud Scheduler and Pub/Sub push attach. The
 * decoder checks signature (Google's JWK set), that the token says when it was issued ({@code iat},
 * not in the future) and when it expires ({@code exp}, not past: a token without either never
 * expires, and Google never issues one), issuer and audience (a failure is 401); {@link
 * #fromServiceAccount(String)} then admits only the configured caller (otherwise 403).
 */
public final class GoogleIdTokens {

    /** Google's public keys for ID tokens. */
    public static final URI GOOGLE_JWK_SET_URI = URI.create("https://www.googleapis.com/oauth2/v3/certs");

    /** Both spellings Google puts in {@code iss}. */
    public static final List<String> GOOGLE_ISSUERS = List.of("https://accounts.google.com", "accounts.google.com");

    /** How far the issuer's clock may run ahead of ours, as in Spring Security's own timestamp check. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private GoogleIdTokens() {}

    /** A decoder that fetches keys from {@code jwkSetUri} (Google's, or a test's own). */
    public static JwtDecoder decoder(URI jwkSetUri, String audience) {
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("the expected ID-token audience must be set");
        }
        NimbusJwtDecoder decoder =
                NimbusJwtDecoder.withJwkSetUri(jwkSetUri.toString()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<Instant>(
                        JwtClaimNames.IAT,
                        iat -> iat != null && !iat.isAfter(Instant.now().plus(CLOCK_SKEW))),
                new JwtTimestampValidator(CLOCK_SKEW),
                new JwtClaimValidator<Object>(
                        JwtClaimNames.ISS, iss -> iss != null && GOOGLE_ISSUERS.contains(iss.toString())),
                new JwtAudienceValidator(audience)));
        return decoder;
    }

    /** Admits a request only when its verified token names this service account, with a verified email. */
    public static AuthorizationManager<RequestAuthorizationContext> fromServiceAccount(String email) {
        if (email == null || email.isBlank()) {
            throw new IllegalArgumentException("the expected caller's service-account email must be set");
        }
        return (Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) ->
                new AuthorizationDecision(isFrom(authentication.get(), email));
    }

    static boolean isFrom(Authentication authentication, String email) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return false;
        }
        Jwt jwt = token.getToken();
        return email.equals(jwt.getClaimAsString("email"))
                && Boolean.TRUE.equals(jwt.getClaimAsBoolean("email_verified"));
    }
}
