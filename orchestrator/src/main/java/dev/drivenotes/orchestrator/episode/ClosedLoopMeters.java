package dev.drivenotes.orchestrator.episode;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The closed loop's hops as the orchestrator sees them, registered once per driver: the time the
 * whole drive takes, each tick (one predict plus the steps of every episode in flight), the predict
 * call of a tick, the step phase of a tick (all steps, in parallel), each step call, and recording a
 * finished episode (its trajectory artifact and its events). Client-side times: compared with the
 * services' own meters they show what transport and encoding cost.
 */
record ClosedLoopMeters(Timer drive, Timer tick, Timer predictCall, Timer stepPhase, Timer stepCall, Timer recording) {

    static final String DRIVE = "drivenotes.closedloop.drive";
    static final String TICK = "drivenotes.closedloop.tick";
    static final String PREDICT_CALL = "drivenotes.closedloop.predict.call";
    static final String STEP_PHASE = "drivenotes.closedloop.step.phase";
    static final String STEP_CALL = "drivenotes.closedloop.step.call";
    static final String RECORDING = "drivenotes.closedloop.recording";

    ClosedLoopMeters(MeterRegistry meters) {
        this(
                Timer.builder(DRIVE)
                        .description("driving the episodes of one experiment, start to last episode recorded")
                        .register(meters),
                Timer.builder(TICK)
                        .description("one closed-loop tick: predict and step of every episode in flight")
                        .publishPercentileHistogram()
                        .register(meters),
                Timer.builder(PREDICT_CALL)
                        .description("the batched predict call of one tick, client side")
                        .register(meters),
                Timer.builder(STEP_PHASE)
                        .description("stepping every simulation in flight in one tick, client side")
                        .register(meters),
                Timer.builder(STEP_CALL)
                        .description("one step call to carla-runner, client side")
                        .register(meters),
                Timer.builder(RECORDING)
                        .description("storing a finished episode's trajectory and announcing it")
                        .register(meters));
    }
}
