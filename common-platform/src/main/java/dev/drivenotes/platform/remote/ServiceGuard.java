package dev.drivenotes.platform.remote;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.util.function.Supplier;

/**
 * The resilience policy of one remote service: every call passes its bulkhead (bounded concurrent
 * calls) inside its circuit breaker (fails fast while the service keeps failing); idempotent calls
 * are also retried (exponential backoff with jitter, around the breaker). A call the policy refused
 * (breaker open, bulkhead full) or that failed after its retries ends in a {@link
 * RemoteServiceException}; nothing falls back to another answer.
 */
public final class ServiceGuard {

    private final String service;
    private final Bulkhead bulkhead;
    private final CircuitBreaker breaker;
    private final Retry retry;

    ServiceGuard(String service, Bulkhead bulkhead, CircuitBreaker breaker, Retry retry) {
        this.service = service;
        this.bulkhead = bulkhead;
        this.breaker = breaker;
        this.retry = retry;
    }

    /** A call that changes nothing when repeated: retried on server-side failures. */
    public <T> T idempotent(Supplier<T> call) {
        return refusalsAsRemote(Retry.decorateSupplier(retry, guarded(call)));
    }

    /** A call that must not be repeated blindly (it creates or advances something): never retried. */
    public <T> T once(Supplier<T> call) {
        return refusalsAsRemote(guarded(call));
    }

    private <T> Supplier<T> guarded(Supplier<T> call) {
        return CircuitBreaker.decorateSupplier(
                breaker, Bulkhead.decorateSupplier(bulkhead, () -> ServiceCalls.call(service, call)));
    }

    private <T> T refusalsAsRemote(Supplier<T> call) {
        try {
            return call.get();
        } catch (CallNotPermittedException e) {
            throw new RemoteServiceException(
                    service, 0, "not called: its circuit breaker is open after repeated failures", null, e);
        } catch (BulkheadFullException e) {
            throw new RemoteServiceException(
                    service, 0, "not called: too many calls to it in flight (bulkhead full)", null, e);
        }
    }
}
