package dev.drivenotes.platform.gcp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
    private static final RSAKey GOOGLE = newKey();
    private static final HttpServer JWKS = serve(new JWKSet(GOOGLE.toPublicJWK()).toString());
    private static final JwtDecoder DECODER = GoogleIdTokens.decoder(
            URI.create("http://127.0.0.1:" + JWKS.getAddress().getPort() + "/certs"), AUDIENCE);

    @AfterAll
    static void stopKeyServer() {
        JWKS.stop(0);
    }

    /** Claims of a token Google would issue now, valid for the next hour. */
    private static JWTClaimsSet.Builder googleClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer("https://accounts.google.com")
                .audience(AUDIENCE)
                .subject("1234567890")
                .claim("email", "scheduler@p.iam.gserviceaccount.com")
                .claim("email_verified", true)
                .issueTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plusSeconds(3600)));
    }

    private static String signed(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(GOOGLE.getKeyID())
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(GOOGLE));
        return jwt.serialize();
    }

    @Test
    void acceptsAValidlySignedDatedToken() throws Exception {
        assertThat(DECODER.decode(signed(googleClaims().build())).getSubject()).isEqualTo("1234567890");
    }

    @Test
    void rejectsAValidlySignedTokenWithoutExpiry() throws Exception {
        String token = signed(googleClaims().expirationTime(null).build());
        assertThatThrownBy(() -> DECODER.decode(token)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void rejectsAValidlySignedTokenWithoutIssueTime() throws Exception {
        String token = signed(googleClaims().issueTime(null).build());
        assertThatThrownBy(() -> DECODER.decode(token)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void rejectsATokenIssuedInTheFuture() throws Exception {
        Instant later = Instant.now().plusSeconds(600);
        String token = signed(googleClaims()
                .issueTime(Date.from(later))
                .expirationTime(Date.from(later.plusSeconds(3600)))
                .build());
        assertThatThrownBy(() -> DECODER.decode(token)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void rejectsAnExpiredToken() throws Exception {
        Instant before = Instant.now().minusSeconds(7200);
        String token = signed(googleClaims()
                .issueTime(Date.from(before))
                .expirationTime(Date.from(before.plusSeconds(3600)))
                .build());
        assertThatThrownBy(() -> DECODER.decode(token)).isInstanceOf(JwtValidationException.class);
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("google").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer serve(String jwks) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/certs", exchange -> {
                byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (Exception e) {
            throw new IllegalStateException(e);
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
