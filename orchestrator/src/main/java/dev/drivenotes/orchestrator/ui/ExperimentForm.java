package dev.drivenotes.orchestrator.ui;

import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.platform.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;

/**
 * The dashboard's "start an experiment" form, as typed: every field a string, blank meaning "the
 * default". {@link #toConfig()} turns it into the same {@link ExperimentConfig} the JSON API takes,
 * so the form and the API validate alike; a bad value is an {@link InvalidInputException} naming
 * the form field.
 *
 * @param name experiment name
 * @param agent policy name
 * @param map map reference
 * @param episodes number of episodes
 * @param seed base seed
 * @param seeds explicit per-episode seeds, separated by commas or spaces
 * @param maxSteps step limit per episode
 * @param npcCount background vehicles
 * @param gnssNoiseM GNSS noise standard deviation, metres
 * @param weather weather preset
 * @param parallelEpisodes episodes driven at once
 */
record ExperimentForm(
        String name,
        String agent,
        String map,
        String episodes,
        String seed,
        String seeds,
        String maxSteps,
        String npcCount,
        String gnssNoiseM,
        String weather,
        String parallelEpisodes) {

    /**
     * Longer fields are refused before they are parsed. The record holds the input as typed, so that a
     * refused form is shown again as it was; {@link #toConfig()} validates it.
     */
    static final int MAX_FIELD_CHARS = 4096;

    /** What the form shows first: a short run of the autopilot on the generated town. */
    static ExperimentForm initial() {
        return new ExperimentForm(
                "dashboard-run", "autopilot", ExperimentConfig.DEFAULT_MAP, "2", "1", "", "", "", "", "", "");
    }

    /** The config the form describes; blank fields take the API's defaults. */
    ExperimentConfig toConfig() {
        Map<String, Object> json = new LinkedHashMap<>();
        put(json, "name", text("name", name));
        put(json, "agent", text("agent", agent));
        put(json, "map", text("map", map));
        put(json, "episodes", whole("episodes", episodes));
        put(json, "seed", whole("seed", seed));
        put(json, "seeds", seedList(seeds));
        put(json, "maxSteps", whole("maxSteps", maxSteps));
        put(json, "npcCount", whole("npcCount", npcCount));
        put(json, "gnssNoiseM", decimal("gnssNoiseM", gnssNoiseM));
        put(json, "weather", text("weather", weather));
        put(json, "parallelEpisodes", whole("parallelEpisodes", parallelEpisodes));
        if (!json.containsKey("name")) {
            throw new InvalidInputException("name", "is required");
        }
        if (!json.containsKey("episodes")) {
            throw new InvalidInputException("episodes", "is required");
        }
        try {
            return Json.mapper().convertValue(json, ExperimentConfig.class);
        } catch (JacksonException | IllegalArgumentException e) {
            throw invalidOf(e);
        }
    }

    /** The record's own validation failure inside Jackson's wrapping, or a plain one for the form. */
    private static InvalidInputException invalidOf(RuntimeException e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof InvalidInputException invalid) {
                return invalid;
            }
        }
        String field = "form";
        if (e instanceof JacksonException json && !json.getPath().isEmpty()) {
            String property = json.getPath().getLast().getPropertyName();
            field = property == null ? field : property;
        }
        return new InvalidInputException(field, "has a value the experiment cannot take");
    }

    private static void put(Map<String, Object> json, String key, Object value) {
        if (value != null) {
            json.put(key, value);
        }
    }

    /** The value without surrounding blanks; null when blank. */
    private static String text(String field, String value) {
        if (value != null && value.length() > MAX_FIELD_CHARS) {
            throw new InvalidInputException(field, "must be at most " + MAX_FIELD_CHARS + " characters");
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Long whole(String field, String value) {
        String v = text(field, value);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "must be a whole number, was '" + shortened(v) + "'");
        }
    }

    private static Double decimal(String field, String value) {
        String v = text(field, value);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new InvalidInputException(field, "must be a finite number, was '" + shortened(v) + "'");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "must be a number, was '" + shortened(v) + "'");
        }
    }

    private static List<Long> seedList(String value) {
        String v = text("seeds", value);
        if (v == null) {
            return null;
        }
        List<Long> seeds = new ArrayList<>();
        for (String part : v.split("[,\\s]+")) {
            seeds.add(whole("seeds", part));
        }
        return seeds;
    }

    private static String shortened(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
