package dev.drivenotes.orchestrator.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.drivenotes.model.experiment.Condition;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.ExperimentStatus;
import dev.drivenotes.orchestrator.clients.ReporterClient;
import dev.drivenotes.orchestrator.episode.FakeServices;
import dev.drivenotes.orchestrator.experiment.Experiment;
import dev.drivenotes.orchestrator.experiment.ExperimentService;
import dev.drivenotes.orchestrator.experiment.ExperimentStore;
import dev.drivenotes.orchestrator.experiment.LocalExperimentServices;
import dev.drivenotes.orchestrator.experiment.LocalExperimentStore;
import dev.drivenotes.orchestrator.schedule.ScheduleProperties;
import dev.drivenotes.orchestrator.schedule.ScheduleRun;
import dev.drivenotes.platform.PlatformProperties;
import dev.drivenotes.platform.json.Json;
import dev.drivenotes.platform.web.ProblemDetailsAdvice;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.client.RestClient;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The dashboard's pages and forms over the real service, store and templates, without a Spring context. */
class DashboardTest {

    private static final Instant T0 = Instant.parse("2026-11-24T06:00:00Z");
    private static final String HOST = "127.0.0.1:8080";
    private static final String SAME_ORIGIN = "http://" + HOST;

    @TempDir
    Path data;

    private FakeServices fake;
    private ExperimentStore store;
    private ExperimentService service;
    private MockMvc mvc;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeServices();
        store = new LocalExperimentStore(data.resolve("experiments"));
        service = LocalExperimentServices.on(store, fake, data, e -> CompletableFuture.completedFuture(null));
        URI services = fake.uri();
        ReporterClient reporter = new ReporterClient(
                RestClient.builder(),
                new PlatformProperties(data, new PlatformProperties.Services(services, services, services, services)));
        ScheduleProperties schedules = new ScheduleProperties(
                Map.of("daily", ExperimentConfig.of("daily", 4)),
                null,
                new ScheduleProperties.IdToken(null, null, null));
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        mvc = MockMvcBuilders.standaloneSetup(new DashboardController(service, reporter, schedules, clock))
                .setControllerAdvice(new ProblemDetailsAdvice())
                .setViewResolvers(thymeleaf())
                .addFilters(new SameOriginFilter(true))
                .build();
    }

    @AfterEach
    void stop() throws Exception {
        service.destroy();
        fake.close();
    }

    static ThymeleafViewResolver thymeleaf() {
        ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
        templates.setPrefix("templates/");
        templates.setSuffix(".html");
        templates.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(templates);
        ThymeleafViewResolver views = new ThymeleafViewResolver();
        views.setTemplateEngine(engine);
        views.setCharacterEncoding("UTF-8");
        return views;
    }

    @Test
    void rootRedirectsToTheDashboard() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/ui"));
    }

    @Test
    void listsOnlyTheExperimentsTheFiltersSelect() throws Exception {
        store.create(Experiment.accepted("exp-auto", config("a", "autopilot"), T0));
        store.create(Experiment.accepted("exp-random", config("r", "random"), T0.plusSeconds(1)));
        store.create(Experiment.accepted("exp-old", config("o", "random"), T0.minusSeconds(86_400)));

        String page = mvc.perform(get("/ui").param("agent", "random").param("date", "2026-11-24"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("data-id=\"exp-random\"")
                .doesNotContain("data-id=\"exp-auto\"", "data-id=\"exp-old\"");
        assertThat(page).as("the rows the stream follows").contains("data-ids=\"exp-random\"");
    }

    @Test
    void filtersByConditionFromTheConditionsOfTheListedExperiments() throws Exception {
        store.create(Experiment.accepted("exp-clean", config("c", "autopilot"), T0));
        ExperimentConfig noisy = Json.mapper()
                .convertValue(
                        Map.of("name", "n", "agent", "autopilot", "episodes", 1, "gnssNoiseM", 5.0),
                        ExperimentConfig.class);
        store.create(Experiment.accepted("exp-noisy", noisy, T0.plusSeconds(1)));

        String page = mvc.perform(get("/ui").param("condition", Condition.of(noisy)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("data-id=\"exp-noisy\"").doesNotContain("data-id=\"exp-clean\"");
        assertThat(page)
                .as("the filter offers every condition listed")
                .contains("<option value=\"" + Condition.of(noisy) + "\" selected=\"selected\"")
                .contains("<option value=\"" + Condition.DEFAULT + "\"");
    }

    @Test
    void showsABadFilterInThePageNamingItsField() throws Exception {
        mvc.perform(get("/ui").param("date", "yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("date: must be a UTC date such as 2026-11-24")));
        mvc.perform(get("/ui").param("status", "DONE"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("status: must be one of")));
    }

    @Test
    void startsAnExperimentFromTheFormAndRedirectsToTheList() throws Exception {
        String location = mvc.perform(sameOrigin(post("/ui/experiments"))
                        .param("name", "from-the-form")
                        .param("agent", "autopilot")
                        .param("episodes", "1")
                        .param("seed", "7"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        Experiment started = service.list().getFirst();
        assertThat(started.config().name()).isEqualTo("from-the-form");
        assertThat(started.config().seed()).isEqualTo(7L);
        assertThat(location).startsWith("/ui?notice=started").contains(started.id());
    }

    @Test
    void showsAFormErrorBesideTheFormAndStartsNothing() throws Exception {
        mvc.perform(sameOrigin(post("/ui/experiments")).param("name", "x").param("episodes", "two"))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(Matchers.containsString("episodes: must be a whole number, was &#39;two&#39;")))
                .andExpect(content().string(Matchers.containsString("value=\"two\"")));
        mvc.perform(sameOrigin(post("/ui/experiments")).param("name", "x").param("episodes", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("episodes: ")));
        mvc.perform(sameOrigin(post("/ui/experiments"))
                        .param("name", "x")
                        .param("episodes", "2")
                        .param("seeds", "1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("seeds: must hold one seed per episode")));

        mvc.perform(sameOrigin(post("/ui/experiments"))
                        .param("name", "x".repeat(ExperimentForm.MAX_FIELD_CHARS + 1))
                        .param("episodes", "1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("name: must be at most")));
        mvc.perform(sameOrigin(post("/ui/experiments"))
                        .param("name", "x")
                        .param("episodes", "1")
                        .param("agent", "pilot"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("agent: unknown agent")));

        assertThat(service.list()).isEmpty();
    }

    @Test
    void refusesFormPostsFromOtherOrigins() throws Exception {
        mvc.perform(post("/ui/experiments")
                        .header("Host", HOST)
                        .header("Origin", "http://evil.example")
                        .param("name", "x")
                        .param("episodes", "1"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("Origin"));
        mvc.perform(post("/ui/experiments")
                        .header("Host", HOST)
                        .param("name", "x")
                        .param("episodes", "1"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("Origin is missing")));
        // a rebound DNS name pointing at loopback: same origin as itself, but not a loopback name
        mvc.perform(post("/ui/experiments")
                        .header("Host", "evil.example:8080")
                        .header("Origin", "http://evil.example:8080")
                        .param("name", "x")
                        .param("episodes", "1"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.field").value("Host"));

        assertThat(service.list()).isEmpty();
    }

    @Test
    void takesAnOriginlessPostThatTheBrowserMarksSameOrigin() {
        SameOriginFilter filter = new SameOriginFilter(true);

        assertThat(filter.refusal("localhost:8080", null, "same-origin")).isNull();
        assertThat(filter.refusal("localhost:8080", null, "cross-site")).isNotNull();
        assertThat(filter.refusal("[::1]:8080", "http://[::1]:8080", null)).isNull();
        assertThat(new SameOriginFilter(false).refusal("drivenotes.example", "https://drivenotes.example", null))
                .isNull();
    }

    @Test
    void cancelsALiveExperimentThenShowsTheConflictForTheFinishedOne() throws Exception {
        store.create(Experiment.accepted("exp-1", ExperimentConfig.of("c", 2), T0));
        store.update("exp-1", e -> e.running(T0));

        mvc.perform(sameOrigin(post("/ui/experiments/exp-1/cancel")))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/ui?notice=cancelled%20exp-1"));
        assertThat(service.get("exp-1").status()).isEqualTo(ExperimentStatus.CANCELLED);

        mvc.perform(sameOrigin(post("/ui/experiments/exp-1/cancel")))
                .andExpect(status().isConflict())
                .andExpect(content().string(Matchers.containsString("experiment exp-1 is already CANCELLED")));
        mvc.perform(sameOrigin(post("/ui/experiments/exp-9/cancel"))).andExpect(status().isNotFound());
    }

    @Test
    void showsEachScheduleWithItsLastDaysAndTheirReports() throws Exception {
        LocalDate today = LocalDate.ofInstant(T0, ZoneOffset.UTC);
        String yesterdays = ScheduleRun.experimentIdFor("daily", today.minusDays(1));
        store.create(Experiment.accepted(yesterdays, ExperimentConfig.of("daily", 4), T0.minusSeconds(86_000)));

        String page = mvc.perform(get("/ui"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        String schedules = page.substring(page.indexOf("id=\"schedules-section\""));
        assertThat(schedules)
                .contains(yesterdays, "no run", "/v1/reports/daily/" + today + ".html")
                .contains("/v1/reports/daily/" + today.minusDays(DashboardController.SCHEDULE_DAYS - 1) + ".html")
                .doesNotContain("/v1/reports/daily/" + today.minusDays(DashboardController.SCHEDULE_DAYS) + ".html");
    }

    @Test
    void linksTheReportOnceTheReporterWroteIt() throws Exception {
        store.create(Experiment.accepted("exp-done", ExperimentConfig.of("d", 1), T0));
        store.update("exp-done", e -> e.withReport("file:///reports/exp-done/report.json", T0));

        mvc.perform(get("/ui"))
                .andExpect(content()
                        .string(Matchers.containsString(
                                "href=\"" + fake.uri() + "/v1/reports/exp-done/report.html\"")));
    }

    private static MockHttpServletRequestBuilder sameOrigin(MockHttpServletRequestBuilder request) {
        return request.header("Host", HOST).header("Origin", SAME_ORIGIN);
    }

    /** A config built by field name, as the form builds it. */
    private static ExperimentConfig config(String name, String agent) {
        return Json.mapper().convertValue(Map.of("name", name, "agent", agent, "episodes", 1), ExperimentConfig.class);
    }
}
