package dev.drivenotes.platform.remote;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.function.Predicate;

/**
 * A failure that says nothing against the request itself: the service was unreachable, too slow,
 * or answered 5xx (or 429). The circuit breakers count these (a 4xx is the caller's fault, not the
 * service's) and the retries of idempotent calls retry these, plus calls that were not made at all
 * because a breaker was open or a bulkhead full. Named in the services' properties files, so it is public
 * with a no-argument constructor.
 */
public final class ServerSideFailure implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable failure) {
        return switch (failure) {
            case RemoteServiceException remote -> !remote.clientError() || remote.status() == 429;
            case CallNotPermittedException open -> true;
            case BulkheadFullException full -> true;
            default -> false;
        };
    }
}
