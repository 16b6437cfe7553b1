package dev.drivenotes.orchestrator.ui;

import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.orchestrator.clients.ReporterClient;
import dev.drivenotes.orchestrator.experiment.ExperimentService;
import dev.drivenotes.platform.web.ConflictException;
import dev.drivenotes.platform.web.NotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /ui/progress?ids=a,b}: server-sent events, one {@code progress} event every {@link
 * #PERIOD} carrying a {@link LiveProgress} per followed experiment. Bounded: at most {@link
 * #MAX_STREAMS} streams at once (more is a 409), {@link #MAX_IDS} experiments per stream, and every
 * stream ends after {@link #STREAM_TIMEOUT} (the browser's EventSource reconnects). One thread
 * samples every stream.
 */
@RestController
class ProgressStream implements DisposableBean {

    static final Duration PERIOD = Duration.ofSeconds(1);
    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(10);
    static final int MAX_STREAMS = 32;
    static final int MAX_IDS = 100;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,200}");
    private static final Logger log = LoggerFactory.getLogger(ProgressStream.class);

    private final ExperimentService experiments;
    private final ReporterClient reporter;
    private final Set<Follower> followers = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("dashboard-progress").daemon().factory());

    ProgressStream(ExperimentService experiments, ReporterClient reporter) {
        this.experiments = experiments;
        this.reporter = reporter;
        ticker.scheduleAtFixedRate(this::tick, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    @GetMapping(path = "/ui/progress", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter follow(@RequestParam String ids) {
        List<String> followed = parse(ids);
        if (followers.size() >= MAX_STREAMS) {
            throw new ConflictException("the dashboard already streams to " + MAX_STREAMS + " pages; close one");
        }
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        Follower follower =
                new Follower(followed, emitter, new ProgressSampler(experiments, reporter, System::nanoTime));
        followers.add(follower);
        emitter.onCompletion(() -> followers.remove(follower));
        emitter.onTimeout(() -> followers.remove(follower));
        emitter.onError(e -> followers.remove(follower));
        ticker.execute(() -> send(follower));
        return emitter;
    }

    /** The followed ids: 1..{@link #MAX_IDS} experiment ids, separated by commas; a 400 naming {@code ids} otherwise. */
    static List<String> parse(String ids) {
        Set<String> parsed = new LinkedHashSet<>();
        for (String id : ids.split(",", MAX_IDS + 2)) {
            if (!ID.matcher(id).matches()) {
                throw new InvalidInputException("ids", "must be experiment ids separated by commas");
            }
            parsed.add(id);
        }
        if (parsed.size() > MAX_IDS) {
            throw new InvalidInputException("ids", "must name at most " + MAX_IDS + " experiments");
        }
        return List.copyOf(parsed);
    }

    private void tick() {
        for (Follower follower : List.copyOf(followers)) {
            send(follower);
        }
    }

    /**
     * One event to one page; a page that went away ends its stream, and so does a sampling failure
     * (logged; the ticker goes on for the other pages).
     */
    private void send(Follower follower) {
        try {
            List<LiveProgress> progress = new ArrayList<>(follower.ids().size());
            for (String id : follower.ids()) {
                progress.add(sample(follower.sampler(), id));
            }
            follower.emitter().send(SseEmitter.event().name("progress").data(progress, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            log.debug("dashboard page went away: {}", e.getMessage());
            end(follower, e);
        } catch (RuntimeException e) {
            log.error("dashboard progress failed; its stream ends", e);
            end(follower, e);
        }
    }

    private static LiveProgress sample(ProgressSampler sampler, String id) {
        try {
            return sampler.sample(id);
        } catch (NotFoundException e) {
            return new LiveProgress(id, "UNKNOWN", false, 0, 0, null, null, null, e.getMessage(), null);
        }
    }

    private void end(Follower follower, Exception cause) {
        followers.remove(follower);
        follower.emitter().completeWithError(cause);
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
        for (Follower follower : List.copyOf(followers)) {
            follower.emitter().complete();
        }
        followers.clear();
    }

    private record Follower(List<String> ids, SseEmitter emitter, ProgressSampler sampler) {}
}
