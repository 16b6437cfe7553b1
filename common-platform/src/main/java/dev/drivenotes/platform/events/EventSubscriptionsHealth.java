package dev.drivenotes.platform.events;

import java.util.Map;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code /actuator/health} component {@code eventSubscriptions}: one indicator per subscription the
 * process consumes, DOWN while its consumer is stopped or failed (and restarting), with the
 * subscription's details. The set is read on every check, so subscriptions opened after start-up
 * appear too.
 */
public final class EventSubscriptionsHealth implements CompositeHealthContributor {

    private final ObjectProvider<SubscriptionStatuses> buses;

    public EventSubscriptionsHealth(ObjectProvider<SubscriptionStatuses> buses) {
        this.buses = buses;
    }

    @Override
    public HealthContributor getContributor(String name) {
        return statuses()
                .filter(s -> s.subscription().equals(name))
                .findFirst()
                .map(EventSubscriptionsHealth::indicator)
                .orElse(null);
    }

    @Override
    public Stream<Entry> stream() {
        return statuses().map(s -> new Entry(s.subscription(), indicator(s)));
    }

    private Stream<SubscriptionStatus> statuses() {
        return buses.orderedStream().flatMap(bus -> bus.subscriptionStatuses().stream());
    }

    static HealthIndicator indicator(SubscriptionStatus status) {
        Map<String, Object> details = status.details();
        return () ->
                (status.up() ? Health.up() : Health.down()).withDetails(details).build();
    }
}
