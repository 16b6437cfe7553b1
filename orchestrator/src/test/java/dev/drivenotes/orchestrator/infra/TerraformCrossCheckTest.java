package dev.drivenotes.orchestrator.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import dev.drivenotes.orchestrator.schedule.ScheduleProperties;
import dev.drivenotes.platform.gcp.pubsub.PubSubBusProperties;
import dev.drivenotes.platform.gcp.pubsub.PubSubNames;
import dev.drivenotes.platform.gcp.storage.GcsProperties;
import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * terraform/*.tf (parsed with hcl4j) against the code: Pub/Sub names, the orchestrator's Cloud Run
 * env vars (bound with Spring's own relaxed binding) and the scheduler's target and audience.
 */
class TerraformCrossCheckTest {

    private static final File TERRAFORM = new File("../terraform");
    private static Map<String, Object> pubsub;
    private static Map<String, Object> services;
    private static Map<String, Object> scheduler;
    private static Map<String, Object> variables;

    @BeforeAll
    static void parse() throws Exception {
        pubsub = parse("pubsub.tf");
        services = parse("services.tf");
        scheduler = parse("scheduler.tf");
        variables = parse("variables.tf");
    }

    @Test
    void topicsAreTheEventTopicAndOneDeadLetterTopicPerConsumer() {
        Set<String> topics = names(resources(pubsub, "google_pubsub_topic"));
        Set<String> expected =
                PubSubNames.CONSUMERS.stream().map(PubSubNames::deadLetterTopic).collect(Collectors.toSet());
        expected.add(PubSubNames.EVENTS_TOPIC);
        assertThat(topics).isEqualTo(expected);
    }

    @Test
    void eachConsumerHasAnOrderedSubscriptionWithItsDeadLetterTopic() {
        Map<String, Object> topics = resources(pubsub, "google_pubsub_topic");
        Map<String, Map<String, Object>> subscriptions = byName(resources(pubsub, "google_pubsub_subscription"));
        for (String consumer : PubSubNames.CONSUMERS) {
            Map<String, Object> subscription = subscriptions.get(PubSubNames.subscription(consumer));
            assertThat(subscription).as("subscription of %s", consumer).isNotNull();
            assertThat(topicName(topics, subscription.get("topic"))).isEqualTo(PubSubNames.EVENTS_TOPIC);
            assertThat(subscription.get("enable_message_ordering")).isEqualTo(true);
            Map<String, Object> deadLetter = map(subscription.get("dead_letter_policy"));
            assertThat(topicName(topics, deadLetter.get("dead_letter_topic")))
                    .isEqualTo(PubSubNames.deadLetterTopic(consumer));
            assertThat(String.valueOf(deadLetter.get("max_delivery_attempts"))).isEqualTo("var.max_delivery_attempts");

            Map<String, Object> hold = subscriptions.get(PubSubNames.deadLetterSubscription(consumer));
            assertThat(hold).as("dead-letter hold of %s", consumer).isNotNull();
            assertThat(topicName(topics, hold.get("topic"))).isEqualTo(PubSubNames.deadLetterTopic(consumer));
        }
    }

    @Test
    void maxDeliveryAttemptsDefaultMatchesTheCode() {
        Map<String, Object> variable = map(map(variables.get("variable")).get("max_delivery_attempts"));
        int code = new Binder()
                .bindOrCreate("drivenotes.gcp.pubsub", PubSubBusProperties.class)
                .maxDeliveryAttempts();
        assertThat(((Number) variable.get("default")).intValue()).isEqualTo(code);
    }

    @Test
    void orchestratorEnvBindsToTheSettingsTheCodeReads() throws Exception {
        Map<String, String> env = env("orchestrator");
        Binder binder = binderOf(env);

        assertThat(env).containsEntry("SPRING_PROFILES_ACTIVE", "gcp");
        assertThat(binder.bind("drivenotes.gcp.storage", GcsProperties.class)
                        .get()
                        .artifactsBucket())
                .isNotBlank();
        ScheduleProperties.IdToken idToken = binder.bind("drivenotes.schedules", ScheduleProperties.class)
                .get()
                .idToken();
        assertThat(idToken.enabled()).isTrue();
        assertThat(idToken.serviceAccountEmail()).isEqualTo("google_service_account.scheduler.email");
        for (String property : List.of(
                "spring.cloud.gcp.project-id",
                "spring.cloud.gcp.pubsub.publisher.enable-message-ordering",
                "drivenotes.gcp.pubsub.max-delivery-attempts",
                "drivenotes.gcp.firestore.database",
                "drivenotes.services.carla-runner",
                "drivenotes.services.dreamer-service",
                "drivenotes.data-dir")) {
            assertThat(binder.bind(property, String.class).isBound())
                    .as(property)
                    .isTrue();
        }
        assertThat(env.keySet()).allSatisfy(name -> assertThat(name).matches("(SPRING|DRIVENOTES)_[A-Z0-9_]+"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void schedulerCallsADefinedScheduleWithTheAudienceTheOrchestratorExpects() throws Exception {
        Map<String, Object> job =
                map(resources(scheduler, "google_cloud_scheduler_job").get("daily"));
        Map<String, Object> target = map(job.get("http_target"));
        String uri = (String) target.get("uri");
        String schedule = uri.replaceAll(".*/v1/schedules/([^:]+):run$", "$1");

        Properties orchestrator = new Properties();
        try (InputStream in = new FileInputStream("src/main/resources/orchestrator.properties")) {
            orchestrator.load(in);
        }
        assertThat(uri).endsWith("/v1/schedules/" + schedule + ":run");
        assertThat(orchestrator).containsKey("drivenotes.schedules.definitions." + schedule + ".name");
        String audience = (String) map(target.get("oidc_token")).get("audience");
        assertThat(env("orchestrator")).containsEntry("DRIVENOTES_SCHEDULES_ID_TOKEN_AUDIENCE", audience);
        Map<String, Object> run =
                map(resources(services, "google_cloud_run_v2_service").get("orchestrator"));
        assertThat((List<Object>) run.get("custom_audiences")).contains(audience);
    }

    private static Map<String, String> env(String service) {
        Map<String, Object> run =
                map(resources(services, "google_cloud_run_v2_service").get(service));
        Map<String, Object> container = map(map(run.get("template")).get("containers"));
        Map<String, String> env = new HashMap<>();
        for (Object entry : (List<?>) container.get("env")) {
            Map<String, Object> e = map(entry);
            env.put((String) e.get("name"), String.valueOf(e.get("value")));
        }
        return env;
    }

    private static Binder binderOf(Map<String, String> env) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(env)));
        return new Binder(ConfigurationPropertySources.get(environment));
    }

    private static String topicName(Map<String, Object> topics, Object reference) {
        String resource = String.valueOf(reference).replaceAll("^google_pubsub_topic\\.([a-z_]+)\\.id$", "$1");
        return (String) map(topics.get(resource)).get("name");
    }

    private static Set<String> names(Map<String, Object> resources) {
        return byName(resources).keySet();
    }

    private static Map<String, Map<String, Object>> byName(Map<String, Object> resources) {
        return resources.values().stream()
                .map(TerraformCrossCheckTest::map)
                .collect(Collectors.toMap(r -> (String) r.get("name"), r -> r));
    }

    static Map<String, Object> resources(Map<String, Object> file, String type) {
        return map(map(file.get("resource")).get(type));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        assertThat(value).as("a block").isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    static Map<String, Object> parse(String file) throws Exception {
        return new HCLParser().parse(new File(TERRAFORM, file), "UTF-8");
    }
}
