package dev.drivenotes.orchestrator.infra;

import static dev.drivenotes.platform.gcp.testing.TerraformConfig.block;
import static dev.drivenotes.platform.gcp.testing.TerraformConfig.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.orchestrator.schedule.ScheduleProperties;
import dev.drivenotes.orchestrator.schedule.ScheduleService;
import dev.drivenotes.orchestrator.schedule.ShippedSchedules;
import dev.drivenotes.platform.gcp.pubsub.PubSubBusProperties;
import dev.drivenotes.platform.gcp.pubsub.PubSubNames;
import dev.drivenotes.platform.gcp.storage.GcsProperties;
import dev.drivenotes.platform.gcp.testing.TerraformConfig;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * terraform/ (read with hcl4j) against the code: Pub/Sub names (pubsub.tf and
 * modules/pubsub-consumer), the orchestrator's Cloud Run env vars (bound with Spring's own relaxed
 * binding), the scheduler's target and audience, every service's port, and the carla-runner address.
 */
class TerraformCrossCheckTest {

    private static final Pattern SERVER_PORT =
            Pattern.compile("\\$\\{[A-Z_]+:(\\d+)}|(\\d+)"); // server.port=8080 or =${AIP_HTTP_PORT:8082}

    private static TerraformConfig root;
    private static TerraformConfig consumerModule;
    private static TerraformConfig cloudRunModule;

    @BeforeAll
    static void parse() {
        root = TerraformConfig.root("pubsub.tf", "services.tf", "scheduler.tf");
        consumerModule = TerraformConfig.module("pubsub-consumer");
        cloudRunModule = TerraformConfig.module("cloud-run-service");
    }

    @Test
    void topicsAreTheEventTopicAndOneDeadLetterTopicPerConsumer() {
        assertThat(consumers()).containsExactlyInAnyOrderElementsOf(PubSubNames.CONSUMERS);
        Set<String> topics = new HashSet<>(names(root.resources("google_pubsub_topic")));
        for (String consumer : consumers()) {
            topics.addAll(names(consumerModule.resources("google_pubsub_topic")).stream()
                    .map(name -> render(name, moduleSymbols(consumer)))
                    .toList());
        }

        Set<String> expected =
                PubSubNames.CONSUMERS.stream().map(PubSubNames::deadLetterTopic).collect(Collectors.toSet());
        expected.add(PubSubNames.EVENTS_TOPIC);
        assertThat(topics).isEqualTo(expected);
    }

    @Test
    void eachConsumerHasAnOrderedSubscriptionWithItsDeadLetterTopic() {
        Map<String, Object> call = root.moduleCall("consumer");
        assertThat(call.get("topic")).hasToString("google_pubsub_topic.events.id");
        assertThat(root.resource("google_pubsub_topic", "events").get("name")).isEqualTo(PubSubNames.EVENTS_TOPIC);
        assertThat(call.get("max_delivery_attempts")).hasToString("var.max_delivery_attempts");

        Map<String, Object> subscription = consumerModule.resource("google_pubsub_subscription", "this");
        Map<String, Object> hold = consumerModule.resource("google_pubsub_subscription", "dead_letter_hold");
        Map<String, Object> deadLetter = block(subscription.get("dead_letter_policy"));
        assertThat(subscription.get("topic")).hasToString("var.topic");
        assertThat(subscription.get("enable_message_ordering")).isEqualTo(true);
        assertThat(deadLetter.get("dead_letter_topic")).hasToString("google_pubsub_topic.dead_letter.id");
        assertThat(deadLetter.get("max_delivery_attempts")).hasToString("var.max_delivery_attempts");
        assertThat(hold.get("topic")).hasToString("google_pubsub_topic.dead_letter.id");

        Object deadLetterTopic =
                consumerModule.resource("google_pubsub_topic", "dead_letter").get("name");
        for (String consumer : PubSubNames.CONSUMERS) {
            Map<String, String> symbols = moduleSymbols(consumer);
            assertThat(render(subscription.get("name"), symbols)).isEqualTo(PubSubNames.subscription(consumer));
            assertThat(render(deadLetterTopic, symbols)).isEqualTo(PubSubNames.deadLetterTopic(consumer));
            assertThat(render(hold.get("name"), symbols)).isEqualTo(PubSubNames.deadLetterSubscription(consumer));
        }
    }

    @Test
    void maxDeliveryAttemptsDefaultMatchesTheCode() {
        Object terraform = TerraformConfig.root("variables.tf")
                .variable("max_delivery_attempts")
                .get("default");
        int code = new Binder()
                .bindOrCreate("drivenotes.gcp.pubsub", PubSubBusProperties.class)
                .maxDeliveryAttempts();
        assertThat(((Number) terraform).intValue()).isEqualTo(code);
    }

    @Test
    void orchestratorEnvBindsToTheSettingsTheCodeReads() {
        Map<String, String> env = root.cloudRunEnv("orchestrator");
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
        assertThat(idToken.serviceAccountEmail()).isNotBlank();
        for (String property : List.of(
                "spring.cloud.gcp.project-id",
                "spring.cloud.gcp.pubsub.publisher.enable-message-ordering",
                "drivenotes.gcp.pubsub.max-delivery-attempts",
                "drivenotes.gcp.firestore.database",
                "drivenotes.services.carla-runner",
                "drivenotes.services.dreamer-service",
                "drivenotes.services.reporter",
                "drivenotes.data-dir")) {
            assertThat(binder.bind(property, String.class).isBound())
                    .as(property)
                    .isTrue();
        }
        assertThat(env.keySet()).allSatisfy(name -> assertThat(name).matches("(SPRING|DRIVENOTES)_[A-Z0-9_]+"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void schedulerCallsADefinedScheduleAsTheCallerWithTheAudienceTheOrchestratorExpects() throws Exception {
        Map<String, Object> target =
                block(root.resource("google_cloud_scheduler_job", "daily").get("http_target"));
        String uri = (String) target.get("uri");
        String schedule = uri.replaceAll(".*/v1/schedules/([^:]+):run$", "$1");

        assertThat(uri).isEqualTo("module.orchestrator.uri/v1/schedules/" + schedule + ":run");
        ScheduleProperties schedules = ShippedSchedules.load();
        assertThat(schedules.definitions().containsKey(schedule)
                        || schedules.matrices().containsKey(schedule))
                .as("schedule %s is defined in orchestrator.properties or orchestrator.yaml", schedule)
                .isTrue();
        String audience = (String) block(target.get("oidc_token")).get("audience");
        assertThat(root.cloudRunEnv("orchestrator")).containsEntry("DRIVENOTES_SCHEDULES_ID_TOKEN_AUDIENCE", audience);
        assertThat((List<Object>) root.moduleCall("orchestrator").get("custom_audiences"))
                .contains(audience);
        // hcl4j reads google_service_account.service["scheduler"] without its key: compare the text
        assertThat(TerraformConfig.expression("services.tf", "DRIVENOTES_SCHEDULES_ID_TOKEN_SERVICE_ACCOUNT_EMAIL"))
                .isEqualTo(TerraformConfig.expression("scheduler.tf", "service_account_email"))
                .isEqualTo("google_service_account.service[\"scheduler\"].email");
    }

    @Test
    void aClaimsLeaseOutlastsSchedulersAttemptAndRunsOutBeforeItsFirstRetry() {
        Map<String, Object> job = root.resource("google_cloud_scheduler_job", "daily");
        Map<String, Object> retry = block(job.get("retry_config"));
        Duration attemptDeadline = seconds(job.get("attempt_deadline"));
        Duration firstRetry = seconds(retry.get("min_backoff_duration"));

        assertThat(((Number) retry.get("retry_count")).intValue()).isGreaterThanOrEqualTo(1);
        assertThat(attemptDeadline).isLessThan(ScheduleService.CLAIM_LEASE);
        assertThat(ScheduleService.CLAIM_LEASE).isLessThan(firstRetry);
    }

    /** A Cloud Scheduler duration such as {@code "60s"}. */
    private static Duration seconds(Object value) {
        String text = String.valueOf(value);
        assertThat(text).matches("\\d+s");
        return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
    }

    @Test
    void terraformDockerAndEachServiceAgreeOnItsPort() throws Exception {
        Map<String, Integer> terraform = new HashMap<>();
        block(root.locals().get("service_ports"))
                .forEach((service, port) -> terraform.put(service, ((Number) port).intValue()));
        Map<String, Integer> properties = new HashMap<>();
        for (String service : terraform.keySet()) {
            properties.put(service, serverPort(service));
        }

        assertThat(terraform).isEqualTo(dockerPorts()).isEqualTo(properties);
    }

    @Test
    void servicesListenOnLoopbackLocallyAndOnEveryInterfaceInTheirImage() throws Exception {
        for (String service : dockerPorts().keySet()) {
            assertThat(properties(service).getProperty("server.address"))
                    .as(service)
                    .isEqualTo("127.0.0.1");
        }
        assertThat(Files.readAllLines(Path.of("../docker/Dockerfile")))
                .anySatisfy(line -> assertThat(line.trim()).startsWith("SERVER_ADDRESS=0.0.0.0"));
    }

    @Test
    void cloudRunServicesSendRequestsAndProbesToTheServicePort() throws Exception {
        Map<String, Object> container = cloudRunContainer("service");
        assertThat(block(container.get("ports")).get("container_port")).hasToString("var.port");
        assertThat(block(block(container.get("startup_probe")).get("http_get")).get("port"))
                .hasToString("var.port");

        for (String service : List.of("orchestrator", "reporter")) {
            Map<String, Object> call = root.moduleCall(service);
            assertThat(call.get("source")).isEqualTo("./modules/cloud-run-service");
            assertThat((String) call.get("image")).contains("/" + service + ":");
            assertThat(((Number) call.get("port")).intValue()).as(service).isEqualTo(serverPort(service));
        }
        String carlaRunner = root.cloudRunEnv("orchestrator").get("DRIVENOTES_SERVICES_CARLA_RUNNER");
        Matcher port = Pattern.compile(":(\\d+)(\\.0)?$").matcher(carlaRunner);
        assertThat(port.find()).as(carlaRunner).isTrue();
        assertThat(Integer.parseInt(port.group(1))).isEqualTo(serverPort("carla-runner"));
    }

    @Test
    void theCarlaRunnerAddressTheServicesCallIsTheLoadBalancerInFrontOfTheRunnerGroup() {
        TerraformConfig carlaRunner = TerraformConfig.root("carla-runner.tf");
        Map<String, Object> rule = carlaRunner.resource("google_compute_forwarding_rule", "carla_runner");
        Map<String, Object> backend = block(carlaRunner
                .resource("google_compute_region_backend_service", "carla_runner")
                .get("backend"));

        assertThat(root.cloudRunEnv("orchestrator").get("DRIVENOTES_SERVICES_CARLA_RUNNER"))
                .startsWith("http://google_compute_address.carla_runner.address:");
        assertThat(rule.get("ip_address")).hasToString("google_compute_address.carla_runner.id");
        assertThat(rule.get("load_balancing_scheme")).isEqualTo("INTERNAL");
        assertThat(backend.get("group"))
                .hasToString("google_compute_instance_group_manager.carla_runner.instance_group");
        // the autoscaler sizes the group; a target_size would fight it
        assertThat(carlaRunner.resource("google_compute_instance_group_manager", "carla_runner"))
                .doesNotContainKey("target_size");
    }

    @Test
    void theRunnerGroupScalesOnTheBacklogOfTheWorkSubscriptionWhichHoldsOnlyWorkItems() {
        TerraformConfig carlaRunner = TerraformConfig.root("carla-runner.tf");
        Map<String, Object> autoscaler = carlaRunner.resource("google_compute_autoscaler", "carla_runner");
        Map<String, Object> metric =
                block(block(autoscaler.get("autoscaling_policy")).get("metric"));

        assertThat(autoscaler.get("target")).hasToString("google_compute_instance_group_manager.carla_runner.id");
        assertThat(metric.get("name")).isEqualTo("pubsub.googleapis.com/subscription/num_undelivered_messages");
        assertThat(String.valueOf(metric.get("filter"))).contains("-runner-work");
        assertThat(((Number) metric.get("single_instance_assignment")).intValue())
                .isEqualTo(1);
        assertThat(String.valueOf(consumerModule
                        .resource("google_pubsub_subscription", "this")
                        .get("filter")))
                .isEqualTo("var.filter");
        // hcl4j does not keep a conditional expression: read the filter as written
        assertThat(TerraformConfig.expression("pubsub.tf", "filter"))
                .isEqualTo(
                        "each.key == \"runner-work\" ? \"attributes.${local.type_attribute} = \\\"EpisodeRequested\\\"\" : \"\"");
        assertThat(root.locals().get("type_attribute")).isEqualTo(PubSubNames.ATTRIBUTE_TYPE);
    }

    @Test
    void cloudRunServicesHaveTheManagedPrometheusCollectorBesideThem() {
        Map<String, Object> collector = cloudRunContainer("metrics-collector");

        assertThat(String.valueOf(collector.get("image"))).isEqualTo("var.metrics_collector_image");
        assertThat(collector).doesNotContainKey("ports");
        assertThat(block(collector.get("volume_mounts")).get("mount_path")).isEqualTo("/etc/rungmp");
    }

    /** The container of modules/cloud-run-service's service named {@code name}. */
    private static Map<String, Object> cloudRunContainer(String name) {
        Object containers = block(cloudRunModule
                        .resource("google_cloud_run_v2_service", "this")
                        .get("template"))
                .get("containers");
        List<?> all = containers instanceof List<?> list ? list : List.of(containers);
        return all.stream()
                .map(TerraformConfig::block)
                .filter(container -> name.equals(container.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name + " in " + all));
    }

    /** The consumer groups Terraform instantiates modules/pubsub-consumer for. */
    private static Set<String> consumers() {
        return block(root.moduleCall("consumer").get("for_each")).keySet();
    }

    /** What the module's {@code var.subscription} is for one consumer group. */
    private static Map<String, String> moduleSymbols(String consumer) {
        String subscription = render(root.moduleCall("consumer").get("subscription"), Map.of("each.key", consumer));
        return Map.of("var.subscription", subscription);
    }

    private static List<String> names(Map<String, Object> resources) {
        return resources.values().stream()
                .map(resource -> String.valueOf(block(resource).get("name")))
                .toList();
    }

    /** {@code server.port} of a service module's own properties file (the port it listens on). */
    private static int serverPort(String service) throws IOException {
        String port = properties(service).getProperty("server.port");
        Matcher value = SERVER_PORT.matcher(String.valueOf(port));
        assertThat(value.matches()).as("%s server.port=%s", service, port).isTrue();
        return Integer.parseInt(value.group(1) != null ? value.group(1) : value.group(2));
    }

    private static Properties properties(String service) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = new FileInputStream("../" + service + "/src/main/resources/" + service + ".properties")) {
            properties.load(in);
        }
        return properties;
    }

    /** docker/services.env: the SERVICE PORT pairs the images are built with (SERVER_PORT). */
    private static Map<String, Integer> dockerPorts() throws IOException {
        return Files.readAllLines(Path.of("../docker/services.env")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.trim().split("\\s+"))
                .collect(Collectors.toMap(pair -> pair[0], pair -> Integer.parseInt(pair[1])));
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
}
