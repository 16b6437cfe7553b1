package dev.drivenotes.orchestrator.schedule;

import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JOSEObjectType;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The scheduler endpoint admits only Google-style ID tokens signed by the key set it trusts, for
 * its audience, from the scheduler's service account. The key set here is self-made and served on
 * loopback, standing in for Google's.
 */
@WebMvcTest(ScheduleController.class)
@Import(ScheduleSecurity.class)
@EnableConfigurationProperties(ScheduleProperties.class)
class ScheduleSecurityTest {

    private static final String AUDIENCE = "https://orchestrator.example.run.app";
    private static final String SCHEDULER = "scheduler@drivenotes-test.iam.gserviceaccount.com";
    private static final RSAKey TRUSTED = newKey("trusted");
    private static final RSAKey FORGER = newKey("trusted"); // same key id, different key
    private static final HttpServer JWKS = serve(new JWKSet(TRUSTED.toPublicJWK()).toString());

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ScheduleService schedules;

    @DynamicPropertySource
    static void idTokenCheck(DynamicPropertyRegistry registry) {
        registry.add("drivenotes.schedules.id-token.audience", () -> AUDIENCE);
        registry.add("drivenotes.schedules.id-token.service-account-email", () -> SCHEDULER);
        registry.add(
                "drivenotes.schedules.id-token.jwk-set-uri",
                () -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/certs");
    }

    @AfterAll
    static void stopKeyServer() {
        JWKS.stop(0);
    }

    @BeforeEach
    void scheduleStarts() {
        ScheduleRun run = ScheduleRun.claim(
                        "daily", LocalDate.of(2026, 11, 24), Instant.now(), ScheduleService.CLAIM_LEASE)
                .started("exp-1");
        when(schedules.trigger(eq("daily"))).thenReturn(new ScheduleService.Triggered(run, true));
    }

    @Test
    void goodTokenStartsTheRun() throws Exception {
        trigger(token(TRUSTED, AUDIENCE, SCHEDULER, true, 300))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.experimentId").value("exp-1"));
    }

    @Test
    void missingTokenIsUnauthorized() throws Exception {
        mvc.perform(post("/v1/schedules/daily:run")).andExpect(status().isUnauthorized());
    }

    @Test
    void forgedSignatureIsUnauthorized() throws Exception {
        trigger(token(FORGER, AUDIENCE, SCHEDULER, true, 300)).andExpect(status().isUnauthorized());
    }

    @Test
    void expiredTokenIsUnauthorized() throws Exception {
        trigger(token(TRUSTED, AUDIENCE, SCHEDULER, true, -3600)).andExpect(status().isUnauthorized());
    }

    @Test
    void tokenForAnotherAudienceIsUnauthorized() throws Exception {
        trigger(token(TRUSTED, "https://someone-else.run.app", SCHEDULER, true, 300))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void tokenOfAnotherServiceAccountIsForbidden() throws Exception {
        trigger(token(TRUSTED, AUDIENCE, "intruder@drivenotes-test.iam.gserviceaccount.com", true, 300))
                .andExpect(status().isForbidden());
    }

    @Test
    void unverifiedEmailIsForbidden() throws Exception {
        trigger(token(TRUSTED, AUDIENCE, SCHEDULER, false, 300)).andExpect(status().isForbidden());
    }

    private org.springframework.test.web.servlet.ResultActions trigger(String token) throws Exception {
        return mvc.perform(post("/v1/schedules/daily:run").header("Authorization", "Bearer " + token));
    }

    private static String token(RSAKey key, String audience, String email, boolean verified, long expiresInSeconds)
            throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("https://accounts.google.com")
                .audience(audience)
                .subject("1234567890")
                .claim("email", email)
                .claim("email_verified", verified)
                .issueTime(Date.from(now.minusSeconds(Math.max(0, -expiresInSeconds) + 60)))
                .expirationTime(Date.from(now.plusSeconds(expiresInSeconds)))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static RSAKey newKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
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
}
