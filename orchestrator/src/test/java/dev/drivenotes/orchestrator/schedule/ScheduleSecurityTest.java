package dev.drivenotes.orchestrator.schedule;

import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.drivenotes.platform.gcp.testing.LocalIdTokens;
import dev.drivenotes.platform.web.ProblemType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
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
    private static final LocalIdTokens ISSUER = LocalIdTokens.start("trusted");
    private static final RSAKey TRUSTED = ISSUER.key();
    private static final RSAKey FORGER = LocalIdTokens.newKey("trusted"); // same key id, different key

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
                () -> ISSUER.jwkSetUri().toString());
    }

    @AfterAll
    static void stopKeyServer() {
        ISSUER.close();
    }

    @BeforeEach
    void scheduleStarts() {
        ScheduleRun run = ScheduleRun.claim(
                        "daily", LocalDate.of(2026, 11, 24), Instant.now(), ScheduleService.CLAIM_LEASE)
                .started("exp-1");
        when(schedules.trigger(eq("daily"))).thenReturn(new ScheduleService.Triggered(run, true, List.of()));
    }

    @Test
    void goodTokenStartsTheRun() throws Exception {
        trigger(token(TRUSTED, AUDIENCE, SCHEDULER, true, 300))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.experimentId").value("exp-1"));
    }

    @Test
    void missingTokenIsAnUnauthorizedProblem() throws Exception {
        mvc.perform(post("/v1/schedules/daily:run"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", Matchers.startsWith("Bearer")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(
                        jsonPath("$.type").value(ProblemType.UNAUTHORIZED.type().toString()))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void validlySignedTokenWithoutExpiryIsUnauthorized() throws Exception {
        trigger(token(TRUSTED, AUDIENCE, SCHEDULER, true, null))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
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
    void tokenOfAnotherServiceAccountIsAForbiddenProblem() throws Exception {
        trigger(token(TRUSTED, AUDIENCE, "intruder@drivenotes-test.iam.gserviceaccount.com", true, 300))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ProblemType.FORBIDDEN.type().toString()));
    }

    @Test
    void unverifiedEmailIsForbidden() throws Exception {
        trigger(token(TRUSTED, AUDIENCE, SCHEDULER, false, 300)).andExpect(status().isForbidden());
    }

    private org.springframework.test.web.servlet.ResultActions trigger(String token) throws Exception {
        return mvc.perform(post("/v1/schedules/daily:run").header("Authorization", "Bearer " + token));
    }

    /** A token; {@code expiresInSeconds} null leaves {@code exp} out. */
    private static String token(RSAKey key, String audience, String email, boolean verified, Integer expiresInSeconds) {
        Instant now = Instant.now();
        long lifetime = expiresInSeconds == null ? 300 : expiresInSeconds;
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("https://accounts.google.com")
                .audience(audience)
                .subject("1234567890")
                .claim("email", email)
                .claim("email_verified", verified)
                .issueTime(Date.from(now.minusSeconds(Math.max(0, -lifetime) + 60)))
                .expirationTime(expiresInSeconds == null ? null : Date.from(now.plusSeconds(lifetime)))
                .build();
        return LocalIdTokens.sign(key, claims);
    }
}
