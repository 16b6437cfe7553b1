package dev.drivenotes.carla.runner;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The closed loop's hops as the runner sees them, registered once per loop: the time the loop
 * drives (from an episode joining an idle loop until the last in flight is recorded), each tick
 * (one predict per agent plus the steps of every episode in flight), the predict calls of a tick,
 * the step phase of a tick (all steps, in parallel), each step, and recording a finished episode
 * (its trajectory artifact and its event). The predict call is client side: compared with
 * dreamer-service's own meter it shows what transport and encoding cost. Steps run in this process,
 * so each also counts as a simulation step ({@code drivenotes.simulation.steps} and {@code
 * .step.latency}, as the REST API counts its own).
 */
record ClosedLoopMeters(
        Timer drive,
        Timer tick,
        Timer predictCall,
        Timer stepPhase,
        Timer stepCall,
        Timer recording,
        Counter simulationSteps,
        Timer simulationStep) {

    static final String DRIVE = "drivenotes.closedloop.drive";
    static final String TICK = "drivenotes.closedloop.tick";
    static final String PREDICT_CALL = "drivenotes.closedloop.predict.call";
    static final String STEP_PHASE = "drivenotes.closedloop.step.phase";
    static final String STEP_CALL = "drivenotes.closedloop.step.call";
    static final String RECORDING = "drivenotes.closedloop.recording";
    static final String SIMULATION_STEPS = "drivenotes.simulation.steps";
    static final String SIMULATION_STEP = "drivenotes.simulation.step.latency";

    ClosedLoopMeters(MeterRegistry meters) {
        this(
                Timer.builder(DRIVE)
                        .description("driving episodes, from the first joining an idle loop to the last recorded")
                        .register(meters),
                Timer.builder(TICK)
                        .description("one closed-loop tick: predict and step of every episode in flight")
                        .publishPercentileHistogram()
                        .register(meters),
                Timer.builder(PREDICT_CALL)
                        .description("the batched predict calls of one tick, client side")
                        .register(meters),
                Timer.builder(STEP_PHASE)
                        .description("stepping every simulation in flight in one tick")
                        .register(meters),
                Timer.builder(STEP_CALL)
                        .description("one step of one simulation, in process")
                        .register(meters),
                Timer.builder(RECORDING)
                        .description("storing a finished episode's trajectory and announcing it")
                        .register(meters),
                Counter.builder(SIMULATION_STEPS)
                        .description("simulation steps taken")
                        .register(meters),
                Timer.builder(SIMULATION_STEP)
                        .description("time the simulator takes for one step")
                        .publishPercentileHistogram()
                        .register(meters));
    }
}
