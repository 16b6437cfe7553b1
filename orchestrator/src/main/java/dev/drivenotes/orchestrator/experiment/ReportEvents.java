package dev.drivenotes.orchestrator.experiment;

import dev.drivenotes.model.event.ReportPublished;
import dev.drivenotes.model.port.EventSubscriber;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Listens for reports so that an experiment's view carries its report URI. */
@Component
class ReportEvents implements SmartLifecycle {

    private final EventSubscriber subscriber;
    private final ExperimentService experiments;
    private EventSubscriber.Subscription subscription;

    ReportEvents(EventSubscriber subscriber, ExperimentService experiments) {
        this.subscriber = subscriber;
        this.experiments = experiments;
    }

    @Override
    public synchronized void start() {
        subscription = subscriber.subscribe("orchestrator", event -> {
            if (event.payload() instanceof ReportPublished report) {
                experiments.reportPublished(report.experimentId(), report.jsonUri());
            }
        });
    }

    @Override
    public synchronized void stop() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return subscription != null;
    }
}
