package dev.drivenotes.platform.gcp.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.cloud.spring.autoconfigure.core.GcpContextAutoConfiguration;
import com.google.cloud.spring.autoconfigure.pubsub.GcpPubSubAutoConfiguration;
import com.google.cloud.spring.autoconfigure.pubsub.GcpPubSubEmulatorAutoConfiguration;
import com.google.cloud.spring.pubsub.PubSubAdmin;
import com.google.cloud.spring.pubsub.core.PubSubTemplate;
import com.google.cloud.spring.pubsub.support.AcknowledgeablePubsubMessage;
import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.event.ExperimentFailed;
import dev.drivenotes.model.port.EventPublisher;
import dev.drivenotes.model.port.EventSubscriber;
import dev.drivenotes.platform.PlatformAutoConfiguration;
import dev.drivenotes.platform.events.InProcessEventBus;
import dev.drivenotes.platform.gcp.emulator.EmulatorProcess;
import dev.drivenotes.platform.gcp.storage.GcsArtifactStore;
import dev.drivenotes.platform.gcp.storage.GcsArtifactStoreAutoConfiguration;
import dev.drivenotes.platform.gcp.testing.PubSubEmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The Pub/Sub event bus against Google's Pub/Sub emulator, wired by Spring Cloud GCP's auto-configuration. */
@ExtendWith(PubSubEmulatorExtension.class)
class PubSubEventBusTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static ApplicationContextRunner gcp;

    @BeforeAll
    static void pointAtEmulator(EmulatorProcess emulator) {
        gcp = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        EmulatorCredentialsAutoConfiguration.class,
                        GcpContextAutoConfiguration.class,
                        GcpPubSubEmulatorAutoConfiguration.class,
                        GcpPubSubAutoConfiguration.class,
                        PubSubBusAutoConfiguration.class,
                        PlatformAutoConfiguration.class))
                .withPropertyValues(
                        "spring.profiles.active=gcp",
                        "spring.cloud.gcp.project-id=drivenotes-test",
                        "spring.cloud.gcp.pubsub.emulator-host=" + emulator.hostPort(),
                        "spring.cloud.gcp.pubsub.publisher.enable-message-ordering=true",
                        "drivenotes.gcp.pubsub.create-resources=true",
                        "drivenotes.gcp.pubsub.max-delivery-attempts=3");
    }

    @Test
    void gcpProfileReplacesTheInProcessBus() {
        gcp.run(context -> {
            assertThat(context).hasSingleBean(EventPublisher.class);
            assertThat(context.getBean(EventPublisher.class)).isInstanceOf(PubSubEventBus.class);
            assertThat(context.getBean(EventSubscriber.class)).isInstanceOf(PubSubEventBus.class);
            assertThat(context).doesNotHaveBean(InProcessEventBus.class);
        });
    }

    @Test
    void pubsubProfileSwitchesOnTheBusAloneAndKeepsArtifactsLocal() {
        gcp.withConfiguration(AutoConfigurations.of(GcsArtifactStoreAutoConfiguration.class))
                .withPropertyValues(
                        "spring.profiles.active=pubsub", "drivenotes.gcp.storage.artifacts-bucket=drivenotes-test")
                .run(context -> {
                    assertThat(context.getBean(EventPublisher.class)).isInstanceOf(PubSubEventBus.class);
                    assertThat(context).doesNotHaveBean(InProcessEventBus.class);
                    assertThat(context).doesNotHaveBean(GcsArtifactStore.class);
                });
    }

    @Test
    void deliversPublishedEventsInOrderPerExperiment() {
        gcp.run(context -> {
            PubSubEventBus bus = context.getBean(PubSubEventBus.class);
            String experiment = newExperimentId();
            List<EventEnvelope> received = new CopyOnWriteArrayList<>();
            try (var subscription = bus.subscribe("roundtrip", collectFor(experiment, received::add))) {
                List<EventEnvelope> sent = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    EventEnvelope event = failed(experiment, "reason " + i);
                    sent.add(event);
                    bus.publish(event).get(10, TimeUnit.SECONDS);
                }
                await().atMost(WAIT).until(() -> received.size() >= sent.size());
                assertThat(received).containsExactlyElementsOf(sent);
            }
        });
    }

    @Test
    void nackedEventIsRedeliveredAndProcessedOnce() {
        gcp.run(context -> {
            PubSubEventBus bus = context.getBean(PubSubEventBus.class);
            String experiment = newExperimentId();
            AtomicInteger deliveries = new AtomicInteger();
            Map<String, Integer> effects = new ConcurrentHashMap<>();
            Set<String> processedIds = ConcurrentHashMap.newKeySet();
            try (var subscription = bus.subscribe("redelivery", collectFor(experiment, event -> {
                if (deliveries.incrementAndGet() == 1) {
                    throw new IllegalStateException("transient failure before the work was durable");
                }
                if (processedIds.add(event.eventId())) { // the consumer's idempotency by event id
                    effects.merge(event.eventId(), 1, Integer::sum);
                }
            }))) {
                EventEnvelope event = failed(experiment, "flaky");
                bus.publish(event).get(10, TimeUnit.SECONDS);
                bus.publish(event).get(10, TimeUnit.SECONDS); // a publisher retry: same event id again
                await().atMost(WAIT).until(() -> deliveries.get() >= 3);
                assertThat(effects).containsExactly(Map.entry(event.eventId(), 1));
            }
        });
    }

    @Test
    void deadLettersAfterMaxAttempts() {
        gcp.run(context -> {
            PubSubEventBus bus = context.getBean(PubSubEventBus.class);
            PubSubTemplate pubSub = context.getBean(PubSubTemplate.class);
            String experiment = newExperimentId();
            AtomicInteger attempts = new AtomicInteger();
            try (var subscription = bus.subscribe("poison", collectFor(experiment, event -> {
                attempts.incrementAndGet();
                throw new IllegalArgumentException("cannot handle " + event.eventId());
            }))) {
                EventEnvelope event = failed(experiment, "always fails");
                bus.publish(event).get(10, TimeUnit.SECONDS);
                List<AcknowledgeablePubsubMessage> dead = new ArrayList<>();
                await().atMost(WAIT).until(() -> {
                    dead.addAll(pubSub.pull(PubSubNames.deadLetterSubscription("poison"), 10, true));
                    return !dead.isEmpty();
                });
                var message = dead.getFirst().getPubsubMessage();
                assertThat(message.getAttributesMap())
                        .containsEntry(PubSubNames.ATTRIBUTE_EVENT_ID, event.eventId())
                        .containsEntry(PubSubNames.ATTRIBUTE_DEAD_LETTERED_FROM, PubSubNames.subscription("poison"));
                assertThat(message.getAttributesMap().get(PubSubNames.ATTRIBUTE_LAST_ERROR))
                        .contains("cannot handle");
                assertThat(attempts).hasValue(3);
                dead.forEach(AcknowledgeablePubsubMessage::ack);
            }
        });
    }

    @Test
    void againstTheEmulatorASubscriptionStillReceivesAfterAMinuteOfQuiet() {
        // with streaming pull the emulator's streams are torn down by the client's keepalive check
        // (no answer to its pings) and a quiet subscriber stops receiving; the pull loop does not
        gcp.run(context -> {
            PubSubEventBus bus = context.getBean(PubSubEventBus.class);
            String experiment = newExperimentId();
            List<EventEnvelope> received = new CopyOnWriteArrayList<>();
            try (var subscription = bus.subscribe("quiet", collectFor(experiment, received::add))) {
                bus.publish(failed(experiment, "before")).get(10, TimeUnit.SECONDS);
                await().atMost(WAIT).until(() -> received.size() == 1);
                Thread.sleep(Duration.ofSeconds(65));

                bus.publish(failed(experiment, "after a minute")).get(10, TimeUnit.SECONDS);

                await().atMost(WAIT).until(() -> received.size() == 2);
                assertThat(bus.subscriptionStatuses()).singleElement().satisfies(s -> {
                    assertThat(s.up()).isTrue();
                    assertThat(s.details()).containsEntry("pull", "polling");
                });
            }
        });
    }

    @Test
    void aStreamingSubscriberThatFailsRestartsItselfAndShowsDownMeanwhile() {
        gcp.withPropertyValues("drivenotes.gcp.pubsub.streaming-pull=true").run(context -> {
            PubSubEventBus bus = context.getBean(PubSubEventBus.class);
            PubSubAdmin admin = context.getBean(PubSubAdmin.class);
            String experiment = newExperimentId();
            List<EventEnvelope> received = new CopyOnWriteArrayList<>();
            try (var subscription = bus.subscribe("restarting", collectFor(experiment, received::add))) {
                await().atMost(WAIT)
                        .until(() -> bus.subscriptionStatuses().getFirst().up());

                // a non-retryable error (NOT_FOUND) stops the client library's subscriber for good
                admin.deleteSubscription(PubSubNames.subscription("restarting"));
                await().atMost(WAIT)
                        .until(() -> !bus.subscriptionStatuses().getFirst().up());
                new PubSubResources(admin, "drivenotes-test", 3).ensureConsumer("restarting");

                await().atMost(Duration.ofSeconds(90))
                        .until(() -> bus.subscriptionStatuses().getFirst().up());
                bus.publish(failed(experiment, "after the restart")).get(10, TimeUnit.SECONDS);
                await().atMost(WAIT).until(() -> received.size() == 1);
                assertThat(bus.subscriptionStatuses().getFirst().details())
                        .containsEntry("pull", "streaming")
                        .hasEntrySatisfying(
                                "restarts", r -> assertThat((Integer) r).isPositive())
                        .containsKey("lastError");
            }
        });
    }

    @Test
    void eachEnvelopeCarriesItsIdsAsAttributesAndExperimentAsOrderingKey() {
        EventEnvelope event = failed("exp-attributes", "x");
        var message = PubSubEventBus.toMessage(event);
        assertThat(message.getOrderingKey()).isEqualTo("exp-attributes");
        assertThat(message.getAttributesMap())
                .containsEntry(PubSubNames.ATTRIBUTE_EVENT_ID, event.eventId())
                .containsEntry(PubSubNames.ATTRIBUTE_TYPE, "ExperimentFailed");
    }

    private static dev.drivenotes.model.port.EventHandler collectFor(String experiment, Consumer<EventEnvelope> sink) {
        return event -> {
            if (event.experimentId().equals(experiment)) {
                sink.accept(event);
            }
        };
    }

    private static EventEnvelope failed(String experiment, String reason) {
        return EventEnvelope.wrap(new ExperimentFailed(experiment, reason), Instant.now());
    }

    private static String newExperimentId() {
        return "exp-" + UUID.randomUUID();
    }
}
