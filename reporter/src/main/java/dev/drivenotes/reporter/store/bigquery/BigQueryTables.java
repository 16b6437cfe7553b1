package dev.drivenotes.reporter.store.bigquery;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.LegacySQLTypeName;
import com.google.cloud.bigquery.Schema;
import dev.drivenotes.platform.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The BigQuery tables, defined once: {@code bigquery/schema/<table>.json} on the classpath (the
 * BigQuery JSON schema format). Terraform reads the same files ({@code file(...)} in {@code
 * terraform/bigquery.tf}); the code builds rows against them.
 */
public final class BigQueryTables {

    public static final String EXPERIMENTS = "experiments";
    public static final String EPISODES = "episodes";
    public static final String NOTES = "notes";
    public static final String METRICS_DAILY = "metrics_daily";
    public static final String PROCESSED_EVENTS = "processed_events";

    public static final List<String> ALL = List.of(EXPERIMENTS, EPISODES, NOTES, METRICS_DAILY, PROCESSED_EVENTS);

    /** Every table keeps appended row versions; this column orders them (views pick the latest). */
    public static final String WRITTEN_AT = "written_at";

    private BigQueryTables() {}

    /** The column names of a table, in schema order. */
    public static List<String> columns(String table) {
        return fields(table).stream().map(Field::getName).toList();
    }

    public static Schema schema(String table) {
        return Schema.of(fields(table));
    }

    static List<Field> fields(String table) {
        if (!ALL.contains(table)) {
            throw new IllegalArgumentException("unknown table " + table);
        }
        try (InputStream in = BigQueryTables.class.getResourceAsStream("/bigquery/schema/" + table + ".json")) {
            if (in == null) {
                throw new IllegalStateException("schema file of " + table + " is missing from the classpath");
            }
            JsonNode columns = Json.mapper().readTree(in);
            return columns.valueStream()
                    .map(c -> Field.newBuilder(
                                    c.get("name").asString(),
                                    LegacySQLTypeName.valueOf(c.get("type").asString()))
                            .setMode(Field.Mode.valueOf(c.get("mode").asString()))
                            .build())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
