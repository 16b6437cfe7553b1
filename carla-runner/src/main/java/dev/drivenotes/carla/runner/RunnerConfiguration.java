package dev.drivenotes.carla.runner;

import dev.drivenotes.carla.sim.Simulator;
import dev.drivenotes.model.port.ArtifactStore;
import dev.drivenotes.model.port.EventPublisher;
import dev.drivenotes.model.port.EventSubscriber;
import dev.drivenotes.platform.PlatformProperties;
import dev.drivenotes.platform.events.EventTelemetry;
import dev.drivenotes.platform.events.SubscriptionLifecycle;
import dev.drivenotes.platform.remote.PolicyClient;
import dev.drivenotes.platform.remote.RemoteCalls;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The runner: episodes pulled from the work subscription {@value #WORK_SUBSCRIPTION} (shared by
 * every runner; up to {@code max-episodes-in-flight} at once, never more than the simulator holds),
 * driven in lockstep against this process's simulator with dreamer-service's policy, recorded and
 * announced; cancellations heard on the runner's own subscription ({@code runner-<instance-id>}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RunnerProperties.class)
class RunnerConfiguration {

    static final String WORK_SUBSCRIPTION = "runner-work";

    @Bean
    RemoteCalls runnerRemoteCalls(
            RunnerProperties properties,
            CircuitBreakerRegistry breakers,
            BulkheadRegistry bulkheads,
            RetryRegistry retries) {
        return new RemoteCalls(properties.connectTimeout(), properties.clientTimeout(), breakers, bulkheads, retries);
    }

    @Bean
    PolicyClient policyClient(RestClient.Builder builder, PlatformProperties platform, RemoteCalls calls) {
        return new PolicyClient(builder, platform, calls);
    }

    @Bean(destroyMethod = "close")
    LockstepLoop lockstepLoop(
            Simulator simulator,
            PolicyClient policy,
            ArtifactStore artifacts,
            EventPublisher events,
            EventTelemetry telemetry,
            RunnerProperties properties,
            Cancellations cancellations,
            MeterRegistry meterRegistry) {
        Clock clock = Clock.systemUTC();
        EventPublisher publisher = telemetry.publisher(events);
        ClosedLoopMeters meters = new ClosedLoopMeters(meterRegistry);
        StepTally tally = new StepTally(publisher, properties.instanceId(), properties.progressEvery(), clock);
        Outcomes outcomes = new Outcomes(
                publisher,
                properties.instanceId(),
                properties.episodeAttempts(),
                properties.episodeRetryDelay(),
                clock);
        return new LockstepLoop(
                new EpisodeDrive(simulator, policy, artifacts, outcomes, cancellations, meters, tally, telemetry),
                tally,
                meters);
    }

    @Bean
    Cancellations cancellations() {
        return new Cancellations();
    }

    @Bean
    EpisodeWork episodeWork(LockstepLoop loop, Cancellations cancellations) {
        return new EpisodeWork(loop, cancellations, Clock.systemUTC());
    }

    /** The shared work items: as many in flight as this runner drives at once. */
    @Bean
    SubscriptionLifecycle runnerWorkSubscription(
            EventSubscriber subscriber,
            EpisodeWork work,
            EventTelemetry telemetry,
            RunnerProperties properties,
            Simulator simulator) {
        int inFlight =
                Math.min(properties.maxEpisodesInFlight(), simulator.capacity().maxLiveSimulations());
        return new SubscriptionLifecycle(
                subscriber, WORK_SUBSCRIPTION, telemetry.handler(WORK_SUBSCRIPTION, work::work), inFlight);
    }

    /** This runner's own subscription, for cancellations. */
    @Bean
    SubscriptionLifecycle runnerControlSubscription(
            EventSubscriber subscriber, EpisodeWork work, EventTelemetry telemetry, RunnerProperties properties) {
        String name = "runner-" + properties.instanceId();
        return new SubscriptionLifecycle(subscriber, name, telemetry.handler(name, work::control), 1);
    }
}
