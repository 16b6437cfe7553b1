package dev.drivenotes.platform.gcp.pubsub;

import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.cloud.spring.pubsub.PubSubAdmin;
import com.google.pubsub.v1.DeadLetterPolicy;
import com.google.pubsub.v1.ProjectTopicName;
import com.google.pubsub.v1.Subscription;

/**
 * Creates the bus's topics and subscriptions where they are missing: the same shape Terraform
 * declares (ordering on, a dead-letter topic per subscription with a holding subscription).
 */
final class PubSubResources {

    private static final int ACK_DEADLINE_SECONDS = 60;

    private final PubSubAdmin admin;
    private final String projectId;
    private final int maxDeliveryAttempts;

    PubSubResources(PubSubAdmin admin, String projectId, int maxDeliveryAttempts) {
        this.admin = admin;
        this.projectId = projectId;
        this.maxDeliveryAttempts = maxDeliveryAttempts;
    }

    void ensureTopic() {
        topic(PubSubNames.EVENTS_TOPIC);
    }

    /** Ensures a consumer's subscription, its dead-letter topic and the dead letters' holding subscription. */
    void ensureConsumer(String consumer) {
        ensureTopic();
        String deadLetterTopic = PubSubNames.deadLetterTopic(consumer);
        topic(deadLetterTopic);
        subscription(Subscription.newBuilder()
                .setName(PubSubNames.deadLetterSubscription(consumer))
                .setTopic(deadLetterTopic)
                .setAckDeadlineSeconds(ACK_DEADLINE_SECONDS));
        subscription(Subscription.newBuilder()
                .setName(PubSubNames.subscription(consumer))
                .setTopic(PubSubNames.EVENTS_TOPIC)
                .setAckDeadlineSeconds(ACK_DEADLINE_SECONDS)
                .setEnableMessageOrdering(true)
                .setDeadLetterPolicy(DeadLetterPolicy.newBuilder()
                        .setDeadLetterTopic(
                                ProjectTopicName.of(projectId, deadLetterTopic).toString())
                        .setMaxDeliveryAttempts(Math.max(5, maxDeliveryAttempts))));
    }

    private void topic(String name) {
        if (admin.getTopic(name) == null) {
            try {
                admin.createTopic(name);
            } catch (AlreadyExistsException raced) {
                // another process created it between the check and the call: that is the goal
            }
        }
    }

    private void subscription(Subscription.Builder builder) {
        if (admin.getSubscription(builder.getName()) == null) {
            try {
                admin.createSubscription(builder);
            } catch (AlreadyExistsException raced) {
                // another process created it between the check and the call: that is the goal
            }
        }
    }
}
