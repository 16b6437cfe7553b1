package dev.drivenotes.platform.events;

import java.util.List;

/** An event bus that can say how each of its live subscriptions is doing (in-process and Pub/Sub). */
public interface SubscriptionStatuses {

    /** One status per subscription opened in this process, by name. */
    List<SubscriptionStatus> subscriptionStatuses();
}
