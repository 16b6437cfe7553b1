package dev.drivenotes.orchestrator.episode;

import dev.drivenotes.orchestrator.clients.RemoteServiceException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * How many simulations carla-runner can hold at once ({@code GET /v1/simulator}: one for a CARLA
 * server, which runs one world), shared by every experiment this orchestrator drives. An episode
 * takes a slot before its simulation is created and gives it back once the simulation is deleted.
 * An experiment with nothing in flight waits for a slot (a CARLA world busy with another
 * experiment's episode); one with episodes in flight only takes a free slot, so its lockstep never
 * waits on itself. A carla-runner that does not tell its capacity (404) is taken as unlimited.
 */
final class SimulationSlots {

    static final long WAIT_STEP_MS = 200;

    private final IntSupplier capacity;
    private final AtomicReference<Semaphore> slots = new AtomicReference<>();

    /** @param capacity asks carla-runner; a 404 there means "not told" */
    SimulationSlots(IntSupplier capacity) {
        this.capacity = capacity;
    }

    /**
     * The slots, sized by carla-runner's first answer. Asked without a lock (two first callers may
     * both ask; the first answer stored wins), so no thread waits on another's HTTP call.
     */
    private Semaphore slots() {
        Semaphore s = slots.get();
        if (s != null) {
            return s;
        }
        slots.compareAndSet(null, new Semaphore(ask(), true));
        return slots.get();
    }

    private int ask() {
        try {
            return capacity.getAsInt();
        } catch (RemoteServiceException e) {
            if (e.status() == 404) {
                return Integer.MAX_VALUE;
            }
            throw e;
        }
    }

    /**
     * Takes a slot: at once when one is free, else (only when {@code mayWait}) once one is given back.
     *
     * @return false when none was taken (none free, or {@code cancelled} while waiting)
     */
    boolean take(boolean mayWait, BooleanSupplier cancelled) {
        Semaphore s = slots();
        if (!mayWait) {
            return s.tryAcquire();
        }
        try {
            while (!cancelled.getAsBoolean()) {
                if (s.tryAcquire(WAIT_STEP_MS, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a simulation slot", e);
        }
    }

    void give() {
        slots().release();
    }
}
