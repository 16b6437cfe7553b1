package dev.drivenotes.platform.gcp.pubsub;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The Pub/Sub resource names the code uses. Terraform creates the same names; {@code
 * TerraformCrossCheckTest} keeps the two in step.
 */
public final class PubSubNames {

    /** The one topic every {@link dev.drivenotes.model.event.EventEnvelope} travels on. */
    public static final String EVENTS_TOPIC = "drivenotes-events";

    /**
     * The consumer groups Terraform creates (the names passed to {@code EventSubscriber.subscribe}):
     * the services' own and the runners' shared work subscription. Each runner's cancellation
     * subscription ({@code runner-<instance-id>}) is created by the runner where resources are
     * created ({@code drivenotes.gcp.pubsub.create-resources}).
     */
    public static final List<String> CONSUMERS = List.of("orchestrator", "reporter", "runner-work");

    /** Message attributes set on every event (filters and dashboards use them; never the payload). */
    public static final String ATTRIBUTE_EVENT_ID = "eventId";

    public static final String ATTRIBUTE_TYPE = "type";
    public static final String ATTRIBUTE_EXPERIMENT_ID = "experimentId";

    /** Set on dead-lettered copies: the subscription that gave up and the last error. */
    public static final String ATTRIBUTE_DEAD_LETTERED_FROM = "deadLetteredFrom";

    public static final String ATTRIBUTE_LAST_ERROR = "lastError";

    private static final Pattern CONSUMER = Pattern.compile("[a-z][a-z0-9-]{0,40}");

    private PubSubNames() {}

    /** The Pub/Sub subscription of a consumer group, e.g. {@code drivenotes-events-reporter}. */
    public static String subscription(String consumer) {
        if (consumer == null || !CONSUMER.matcher(consumer).matches()) {
            throw new IllegalArgumentException("consumer name '" + consumer + "' must match " + CONSUMER);
        }
        return EVENTS_TOPIC + "-" + consumer;
    }

    /** The dead-letter topic of a consumer group's subscription. */
    public static String deadLetterTopic(String consumer) {
        return subscription(consumer) + "-dead-letter";
    }

    /** The subscription that keeps dead letters until an operator looks at them. */
    public static String deadLetterSubscription(String consumer) {
        return deadLetterTopic(consumer) + "-hold";
    }
}
