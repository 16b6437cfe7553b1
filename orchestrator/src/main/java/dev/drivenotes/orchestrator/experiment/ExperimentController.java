package dev.drivenotes.orchestrator.experiment;

import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.ExperimentPage;
import dev.drivenotes.model.experiment.ExperimentView;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators' API: start, inspect and cancel experiments. */
@RestController
@RequestMapping("/v1/experiments")
class ExperimentController {

    private final ExperimentService experiments;

    ExperimentController(ExperimentService experiments) {
        this.experiments = experiments;
    }

    /** An experiment as an operator starts one (the omitted fields take their defaults). */
    static final String EXAMPLE = """
            {"name": "daily-smoke", "map": "default-town", "agent": "dreamer", "episodes": 4, "seed": 11,
             "maxSteps": 3000, "npcCount": 20, "parallelEpisodes": 4}""";

    @PostMapping
    ResponseEntity<ExperimentView> start(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(
                                                            name = "four episodes with the learned agent",
                                                            value = EXAMPLE)))
                    @RequestBody
                    ExperimentConfig config) {
        Experiment experiment = experiments.submit(config);
        return ResponseEntity.accepted()
                .location(URI.create("/v1/experiments/" + experiment.id()))
                .body(experiment.view());
    }

    @GetMapping("/{id}")
    ExperimentView get(@PathVariable String id) {
        return experiments.get(id).view();
    }

    /** Experiments newest first, filtered and paged: see {@link ExperimentQuery}. */
    @GetMapping
    ExperimentPage list(@RequestParam MultiValueMap<String, String> parameters) {
        return ExperimentQuery.parse(parameters).page(experiments.list());
    }

    @PostMapping("/{id}:cancel")
    ExperimentView cancel(@PathVariable String id) {
        return experiments.cancel(id).view();
    }
}
