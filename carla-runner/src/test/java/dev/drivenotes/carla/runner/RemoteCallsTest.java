package dev.drivenotes.carla.runner;

import static dev.drivenotes.model.testing.ObservationBuilder.observation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.model.policy.PredictInstance;
import dev.drivenotes.platform.PlatformProperties;
import dev.drivenotes.platform.remote.PolicyClient;
import dev.drivenotes.platform.remote.RemoteCalls;
import dev.drivenotes.platform.remote.RemoteServiceException;
import dev.drivenotes.platform.remote.TestRemoteCalls;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.client.RestClient;

/** The predict client under its resilience policy ({@code platform.remote}) against a fake dreamer-service. */
class RemoteCallsTest {

    @TempDir
    Path data;

    private FakeServices fake;
    private PlatformProperties platform;

    @BeforeEach
    void setUp() throws Exception {
        fake = new FakeServices();
        platform = new PlatformProperties(
                data, new PlatformProperties.Services(fake.uri(), fake.uri(), fake.uri(), fake.uri()));
    }

    @AfterEach
    void tearDown() {
        fake.close();
    }

    private static List<PredictInstance> oneInstance() {
        return List.of(new PredictInstance("e0", observation().build(), true, null));
    }

    @Test
    void retriesAPredictThatAnswered503UntilTheServiceIsBack() {
        PolicyClient policy = new PolicyClient(RestClient.builder(), platform, TestRemoteCalls.fast());
        fake.predictOutages.set(2);

        assertThat(policy.predict("autopilot", "agent", oneInstance()).decisions())
                .hasSize(1);
        assertThat(fake.predictCalls).hasValue(3);
    }

    @Test
    void namesTheModelVersionThatAnsweredAndVertexAisWhenTheContainersDidNotComeThrough() {
        PolicyClient policy = new PolicyClient(RestClient.builder(), platform, TestRemoteCalls.fast());

        assertThat(policy.predict("autopilot", "agent", oneInstance()).modelVersion())
                .isEqualTo(FakeServices.FAKE_MODEL_VERSION);
        fake.vertexModelVersionId = "3";
        assertThat(policy.predict("autopilot", "agent", oneInstance()).modelVersion())
                .isEqualTo("vertex:4711@3");
        fake.vertexModelVersionId = null;
        fake.modelVersion = call -> null;
        assertThat(policy.predict("autopilot", "agent", oneInstance()).modelVersion())
                .isNull();
    }

    @Test
    void givesUpAfterTheConfiguredAttemptsWithTheServiceAndItsAnswerInTheReason() {
        PolicyClient policy = new PolicyClient(RestClient.builder(), platform, TestRemoteCalls.fast());
        fake.dreamerDown = true;

        assertThatThrownBy(() -> policy.predict("autopilot", "agent", oneInstance()))
                .isInstanceOfSatisfying(RemoteServiceException.class, e -> {
                    assertThat(e.service()).isEqualTo("dreamer-service");
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.getMessage()).contains("dreamer-service unavailable");
                });
        assertThat(fake.predictCalls).hasValue(3);
    }

    @Test
    void neverRetriesAClientError() {
        PolicyClient policy = new PolicyClient(RestClient.builder(), platform, TestRemoteCalls.fast());
        fake.rejectPredictWith = "observation has no route";

        assertThatThrownBy(() -> policy.predict("autopilot", "agent", oneInstance()))
                .isInstanceOfSatisfying(
                        RemoteServiceException.class,
                        e -> assertThat(e.status()).isEqualTo(400));
        assertThat(fake.predictCalls).hasValue(1);
    }

    @Test
    void aPredictThatDoesNotAnswerTimesOutAndIsRetried() {
        RemoteCalls calls =
                TestRemoteCalls.with(Duration.ofMillis(300), 5, Duration.ofMillis(50), Duration.ofSeconds(1));
        PolicyClient policy = new PolicyClient(RestClient.builder(), platform, calls);
        fake.predictFrozenUntil = Instant.now().plusSeconds(1);

        long start = System.nanoTime();
        assertThat(policy.predict("autopilot", "agent", oneInstance()).decisions())
                .hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(fake.predictCalls.get()).isGreaterThan(1);
    }

    @Test
    void opensTheBreakerAfterRepeatedFailuresAndThenFailsWithoutCalling() {
        PolicyClient policy = new PolicyClient(
                RestClient.builder(),
                platform,
                TestRemoteCalls.with(Duration.ofSeconds(5), 1, Duration.ofMillis(10), Duration.ofMinutes(1)));
        fake.dreamerDown = true;
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> policy.predict("autopilot", "agent", oneInstance()))
                    .isInstanceOf(RemoteServiceException.class);
        }
        int calls = fake.predictCalls.get();

        assertThatThrownBy(() -> policy.predict("autopilot", "agent", oneInstance()))
                .isInstanceOfSatisfying(
                        RemoteServiceException.class,
                        e -> assertThat(e.detail()).contains("circuit breaker is open"));
        assertThat(fake.predictCalls).hasValue(calls);
    }
}
