package dev.drivenotes.orchestrator.schedule;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cloud Scheduler's target: {@code POST /v1/schedules/daily:run}. 202 when the call started
 * today's run, 200 when today's run already existed (a retry); the body names the experiment.
 */
@RestController
class ScheduleController {

    private final ScheduleService schedules;

    ScheduleController(ScheduleService schedules) {
        this.schedules = schedules;
    }

    @PostMapping("/v1/schedules/{name}:run")
    ResponseEntity<ScheduleRun> run(@PathVariable String name) {
        ScheduleService.Triggered triggered = schedules.trigger(name);
        return ResponseEntity.status(triggered.started() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create("/v1/experiments/" + triggered.run().experimentId()))
                .body(triggered.run());
    }
}
