package dev.drivenotes.platform.gcp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class GoogleIdTokensTest {

    private static JwtAuthenticationToken tokenWith(Map<String, Object> claims) {
        Jwt jwt = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .claims(c -> c.putAll(claims))
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .build();
        return new JwtAuthenticationToken(jwt);
    }

    @Test
    void admitsOnlyTheConfiguredVerifiedServiceAccount() {
        String sa = "scheduler@p.iam.gserviceaccount.com";
        assertThat(GoogleIdTokens.isFrom(tokenWith(Map.of("email", sa, "email_verified", true)), sa))
                .isTrue();
        assertThat(GoogleIdTokens.isFrom(tokenWith(Map.of("email", sa, "email_verified", false)), sa))
                .isFalse();
        assertThat(GoogleIdTokens.isFrom(tokenWith(Map.of("email", "other@p.iam.gserviceaccount.com")), sa))
                .isFalse();
        assertThat(GoogleIdTokens.isFrom(null, sa)).isFalse();
    }

    @Test
    void refusesToBuildAVerifierWithoutAudienceOrCaller() {
        assertThatThrownBy(() -> GoogleIdTokens.decoder(GoogleIdTokens.GOOGLE_JWK_SET_URI, " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GoogleIdTokens.fromServiceAccount(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(GoogleIdTokens.decoder(URI.create("http://127.0.0.1:1/certs"), "aud"))
                .isNotNull();
    }
}
