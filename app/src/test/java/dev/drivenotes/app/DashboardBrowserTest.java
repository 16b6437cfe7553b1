package dev.drivenotes.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The operator dashboard in a real headless Chromium against the local suite: a bad form value is
 * shown in the form; an experiment started from the form shows its progress live (server-sent
 * events) until it completes; its report opens from the dashboard's link and has one SVG route map
 * per episode. Skips, saying why, where no Chromium is installed.
 */
class DashboardBrowserTest {

    private static final int EPISODES = 2;
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

    @TempDir
    static Path data;

    private static Suite suite;
    private static Chromium browser;

    @BeforeAll
    static void start() throws Exception {
        Optional<Path> binary = Chromium.find();
        assumeTrue(
                binary.isPresent(),
                "no Chromium found ($CHROMIUM, /usr/bin/chromium, chromium-browser or google-chrome; Debian: apt-get"
                        + " install chromium): skipping the dashboard browser test");
        suite = Suite.start(new Suite.Settings(0, data, false));
        browser = Chromium.launch(binary.get(), data.resolve("chromium-profile"), 1280, 1000);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void startsAnExperimentFromTheFormFollowsItLiveAndOpensItsReport() throws Exception {
        browser.navigate(suite.orchestrator().resolve("/"));
        assertThat(browser.evaluate("location.pathname").asString())
                .as("/ redirects to /ui")
                .isEqualTo("/ui");

        // a bad value comes back in the form, naming its field
        fill("x", "0");
        submitAndWaitForLoad("document.getElementById('start-problem') !== null");
        assertThat(browser.evaluate("document.getElementById('start-problem').textContent")
                        .asString())
                .startsWith("episodes: ");
        assertThat(browser.evaluate("document.querySelector('#start [name=episodes]').value")
                        .asString())
                .isEqualTo("0");

        fill("browser-run", String.valueOf(EPISODES));
        submitAndWaitForLoad("location.search.startsWith('?notice=started')");
        String id = browser.evaluate("new URLSearchParams(location.search).get('notice').split(' ')[1]")
                .asString();
        String row = "document.querySelector('tr[data-id=\"" + id + "\"]')";
        // what the stream writes into the row, as it writes it; a reload would lose the recording
        browser.evaluate("window.seen = {episodes: [], rates: [], statuses: []};"
                + "new MutationObserver(() => {"
                + "  const r = " + row + ";"
                + "  const add = (list, v) => { if (list[list.length - 1] !== v) list.push(v); };"
                + "  add(seen.episodes, r.querySelector('.episodes').textContent);"
                + "  add(seen.rates, r.querySelector('.rate').textContent);"
                + "  add(seen.statuses, r.querySelector('.status').textContent);"
                + "}).observe(" + row + ", {subtree: true, childList: true, characterData: true, attributes: true});"
                + "true");

        Chromium.waitUntil(
                RUN_TIMEOUT,
                () -> Boolean.TRUE.equals(
                        browser.evaluateQuietly(row + ".getAttribute('data-status') === 'COMPLETED' && !" + row
                                + ".querySelector('a.report').hidden")));

        JsonNode seen = browser.evaluate("window.seen");
        assertThat(seen).as("the page was not reloaded: the stream updated it").isNotNull();
        assertThat(seen.get("episodes").toString()).as("episodes done, live").contains(EPISODES + " / " + EPISODES);
        assertThat(seen.get("statuses").toString()).contains("COMPLETED");
        assertThat(seen.get("rates").toString())
                .as("steps per second while driven")
                .containsPattern("\\d+ steps/s");
        assertThat(browser.evaluate(row + ".querySelector('form.cancel') === null")
                        .asBoolean())
                .as("no cancel button once finished")
                .isTrue();
        System.out.println("dashboard progress seen live: " + seen);
        Files.write(data.resolve("dashboard.png"), browser.screenshot());

        URI report = URI.create(
                browser.evaluate(row + ".querySelector('a.report').href").asString());
        assertThat(report.getPath()).isEqualTo("/v1/reports/" + id + "/report.html");
        browser.navigate(report);
        assertThat(browser.evaluate("document.body.textContent.includes('" + id + "')")
                        .asBoolean())
                .as("the report is the experiment's")
                .isTrue();
        int routeMaps = browser.evaluate("document.querySelectorAll('svg.route-map').length")
                .asInt();
        assertThat(routeMaps).as("one SVG route map per episode").isEqualTo(EPISODES);
    }

    private static void fill(String name, String episodes) {
        browser.evaluate("(() => { const f = document.getElementById('start');"
                + "f.querySelector('[name=name]').value = '" + name + "';"
                + "f.querySelector('[name=agent]').value = 'autopilot';"
                + "f.querySelector('[name=episodes]').value = '" + episodes + "';"
                + "f.querySelector('[name=seed]').value = '11';"
                + "f.querySelector('[name=maxSteps]').value = '3000';"
                + "return true; })()");
    }

    /** Submits the start form as a user would and waits for the next page to satisfy {@code loaded}. */
    private static void submitAndWaitForLoad(String loaded) {
        browser.evaluate("window.beforeSubmit = true; document.getElementById('start').requestSubmit(); true");
        Chromium.waitUntil(
                Duration.ofSeconds(60),
                () -> Boolean.TRUE.equals(browser.evaluateQuietly(
                        "window.beforeSubmit === undefined && document.readyState === 'complete' && (" + loaded
                                + ")")));
    }
}
