package dev.drivenotes.orchestrator.ui;

import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.experiment.Condition;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.ExperimentPage;
import dev.drivenotes.model.experiment.ExperimentStatus;
import dev.drivenotes.orchestrator.clients.ReporterClient;
import dev.drivenotes.orchestrator.experiment.Experiment;
import dev.drivenotes.orchestrator.experiment.ExperimentQuery;
import dev.drivenotes.orchestrator.experiment.ExperimentService;
import dev.drivenotes.orchestrator.schedule.ScheduleProperties;
import dev.drivenotes.platform.web.ConflictException;
import dev.drivenotes.platform.web.DependencyUnavailableException;
import dev.drivenotes.platform.web.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The operator dashboard, {@code /ui}: experiments with their progress (followed live by {@link
 * ProgressStream}), filters, a form to start one and a button to cancel one, links to the reports,
 * and the schedules with their last days. Forms post here (never cross-origin: {@link
 * SameOriginFilter}); a bad value is shown in the page beside the form, with the field it concerns.
 */
@Controller
class DashboardController {

    /** Days of each schedule shown. */
    static final int SCHEDULE_DAYS = 7;

    private final ExperimentService experiments;
    private final ReporterClient reporter;
    private final ScheduleProperties schedules;
    private final Clock clock;

    DashboardController(
            ExperimentService experiments, ReporterClient reporter, ScheduleProperties schedules, Clock clock) {
        this.experiments = experiments;
        this.reporter = reporter;
        this.schedules = schedules;
        this.clock = clock;
    }

    @GetMapping("/")
    String root() {
        return "redirect:/ui";
    }

    @GetMapping("/ui")
    ModelAndView dashboard(
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String agent,
            @RequestParam(required = false) String condition,
            @RequestParam(required = false) String pageToken,
            @RequestParam(required = false) String notice) {
        DashboardFilters filters = new DashboardFilters(date, status, agent, condition, pageToken);
        return page(filters, ExperimentForm.initial(), null, notice, HttpStatus.OK);
    }

    @PostMapping("/ui/experiments")
    ModelAndView start(@ModelAttribute ExperimentForm form) {
        try {
            ExperimentConfig config = form.toConfig();
            Experiment started = experiments.submit(config);
            return redirect("started " + started.id());
        } catch (InvalidInputException e) {
            return page(DashboardFilters.none(), form, Problem.of("start", e), null, HttpStatus.BAD_REQUEST);
        } catch (DependencyUnavailableException e) {
            return page(
                    DashboardFilters.none(),
                    form,
                    new Problem("start", null, e.getMessage()),
                    null,
                    HttpStatus.SERVICE_UNAVAILABLE);
        }
    }

    @PostMapping("/ui/experiments/{id}/cancel")
    ModelAndView cancel(@PathVariable String id) {
        try {
            experiments.cancel(id);
            return redirect("cancelled " + id);
        } catch (NotFoundException | ConflictException e) {
            return page(
                    DashboardFilters.none(),
                    ExperimentForm.initial(),
                    new Problem("cancel", "id", e.getMessage()),
                    null,
                    e instanceof NotFoundException ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT);
        }
    }

    /**
     * What went wrong, and where it is shown.
     *
     * @param where the part of the page: {@code filters}, {@code start} or {@code cancel}
     * @param field the input it concerns, or null
     * @param message what was wrong
     */
    record Problem(String where, String field, String message) {
        static Problem of(String where, InvalidInputException e) {
            return new Problem(where, e.field(), e.reason());
        }
    }

    /** After a successful post: back to the list (post/redirect/get), saying what happened. */
    private static ModelAndView redirect(String notice) {
        String target = UriComponentsBuilder.fromPath("/ui")
                .queryParam("notice", "{notice}")
                .encode()
                .buildAndExpand(notice)
                .toUriString();
        return new ModelAndView("redirect:" + target);
    }

    private ModelAndView page(
            DashboardFilters filters, ExperimentForm form, Problem problem, String notice, HttpStatus status) {
        List<Experiment> all = experiments.list();
        ExperimentPage listed;
        DashboardFilters applied = filters;
        try {
            listed = ExperimentQuery.parse(filters.queryParameters()).page(all);
        } catch (InvalidInputException e) {
            problem = Problem.of("filters", e);
            status = HttpStatus.BAD_REQUEST;
            applied = DashboardFilters.none();
            listed = ExperimentQuery.parse(applied.queryParameters()).page(all);
        }
        List<ExperimentRow> rows = listed.experiments().stream()
                .map(v -> ExperimentRow.of(v, reporter))
                .toList();
        ModelAndView page = new ModelAndView("ui/dashboard", status);
        page.addObject("rows", rows);
        page.addObject("ids", rows.stream().map(ExperimentRow::id).toList());
        page.addObject("filters", filters);
        page.addObject(
                "olderUrl", listed.nextPageToken() == null ? null : pageUrl(applied.page(listed.nextPageToken())));
        page.addObject(
                "statuses",
                Arrays.stream(ExperimentStatus.values()).map(Enum::name).toList());
        page.addObject("agents", ExperimentConfig.AGENTS);
        page.addObject(
                "conditions",
                all.stream()
                        .map(e -> Condition.of(e.config()))
                        .distinct()
                        .sorted()
                        .toList());
        page.addObject("form", form);
        page.addObject("problem", problem);
        page.addObject("notice", notice == null || notice.length() > 200 ? null : notice);
        page.addObject("schedules", scheduleViews(all));
        return page;
    }

    private List<ScheduleView> scheduleViews(List<Experiment> all) {
        Map<String, Experiment> byId = all.stream().collect(Collectors.toMap(Experiment::id, Function.identity()));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        // a matrix's cells show as schedules of their own, named as their experiment ids are
        Map<String, ExperimentConfig> named = new TreeMap<>(schedules.definitions());
        schedules
                .matrices()
                .forEach((name, matrix) ->
                        matrix.cells().forEach(cell -> named.put(name + "-" + cell.name(), cell.config())));
        return named.entrySet().stream()
                .map(d -> ScheduleView.of(d.getKey(), d.getValue(), today, SCHEDULE_DAYS, byId, reporter))
                .toList();
    }

    private static String pageUrl(DashboardFilters filters) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/ui");
        add(url, "date", filters.date());
        add(url, "status", filters.status());
        add(url, "agent", filters.agent());
        add(url, "condition", filters.condition());
        add(url, "pageToken", filters.pageToken());
        return url.build().encode().toUriString();
    }

    private static void add(UriComponentsBuilder url, String name, String value) {
        if (value != null) {
            url.queryParam(name, value);
        }
    }
}
