package dev.drivenotes.platform.events;

import java.util.Map;

/**
 * How one subscription of an event bus is doing, for {@code /actuator/health}.
 *
 * @param subscription the subscription's name
 * @param up whether it is receiving (a stopped or failed consumer is down)
 * @param details what an operator needs to judge it (backlog, restarts, last error)
 */
public record SubscriptionStatus(String subscription, boolean up, Map<String, Object> details) {
    public SubscriptionStatus {
        details = Map.copyOf(details);
    }
}
