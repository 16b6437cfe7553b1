package dev.drivenotes.platform.gcp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.drivenotes.platform.gcp.testing.LocalIdTokens;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class GoogleIdTokensTest {

    private static final String AUDIENCE = "https://orchestrator.example.run.app";
    private static final LocalIdTokens GOOGLE = LocalIdTokens.start("google");
    private static final JwtDecoder DECODER = GoogleIdTokens.decoder(GOOGLE.jwkSetUri(), AUDIENCE);

    @AfterAll
    static void stopKeyServer() {
        GOOGLE.close();
    }

    /** A token as Google would sign it, issued and expiring at these times; null leaves a time out. */
    private static String tokenIssued(Instant issuedAt, Instant expiresAt) {
        return GOOGLE.sign(new JWTClaimsSet.Builder()
                .issuer("https://accounts.google.com")
                .audience(AUDIENCE)
                .subject("1234567890")
                .claim("email", "scheduler@p.iam.gserviceaccount.com")
                .claim("email_verified", true)
                .issueTime(issuedAt == null ? null : Date.from(issuedAt))
                .expirationTime(expiresAt == null ? null : Date.from(expiresAt))
                .build());
    }

    @Test
    void acceptsAValidlySignedDatedToken() {
        Instant now = Instant.now();
        assertThat(DECODER.decode(tokenIssued(now.minusSeconds(5), now.plusSeconds(3600)))
                        .getSubject())
                .isEqualTo("1234567890");
    }

    @Test
    void rejectsValidlySignedTokensWithoutExpiryOrIssueTime() {
        Instant now = Instant.now();
        for (String token : new String[] {tokenIssued(now, null), tokenIssued(null, now.plusSeconds(3600))}) {
            assertThatThrownBy(() -> DECODER.decode(token)).isInstanceOf(JwtValidationException.class);
        }
    }

    @Test
    void rejectsTokensIssuedInTheFutureOrExpired() {
        Instant later = Instant.now().plusSeconds(600);
        Instant before = Instant.now().minusSeconds(7200);
        for (String token :
                new String[] {tokenIssued(later, later.plusSeconds(3600)), tokenIssued(before, before.plusSeconds(3600))
                }) {
            assertThatThrownBy(() -> DECODER.decode(token)).isInstanceOf(JwtValidationException.class);
        }
    }

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
