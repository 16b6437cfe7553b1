package dev.drivenotes.reporter.store.bigquery;

import static dev.drivenotes.platform.gcp.testing.TerraformConfig.block;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.platform.gcp.testing.TerraformConfig;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** terraform/bigquery.tf and the reporter's Cloud Run env against the schema files and the code. */
class BigQueryTerraformTest {

    private static final Path VIEWS = Path.of("../bigquery/views");
    private static final Pattern TABLE_REFERENCE = Pattern.compile("`\\$\\{dataset}\\.([a-z_]+)`");
    private static TerraformConfig terraform;

    @BeforeAll
    static void parse() {
        terraform = TerraformConfig.root("bigquery.tf", "services.tf");
    }

    @Test
    void terraformCreatesExactlyTheTablesTheSinkWritesFromTheSameSchemaFiles() throws Exception {
        Map<String, Object> resource = terraform.resource("google_bigquery_table", "tables");
        assertThat(tables().keySet()).containsExactlyInAnyOrderElementsOf(BigQueryTables.ALL);
        assertThat(resource.get("for_each")).isEqualTo(tables());
        assertThat(resource.get("table_id")).hasToString("each.key");
        assertThat(TerraformConfig.expression("bigquery.tf", "schema"))
                .isEqualTo("file(\"${local.schema_dir}/${each.key}.json\")");

        String schemaDir = (String) terraform.locals().get("schema_dir");
        Path fromTerraform = TerraformConfig.ROOT.resolve(schemaDir.replace("path.module/", ""));
        for (String table : BigQueryTables.ALL) {
            assertThat(Files.readString(fromTerraform.resolve(table + ".json")))
                    .isEqualTo(Files.readString(Path.of("src/main/resources/bigquery/schema/" + table + ".json")));
        }
    }

    @Test
    void partitioningAndClusteringUseColumnsOfTheSchema() {
        Map<String, Object> resource = terraform.resource("google_bigquery_table", "tables");
        assertThat(block(resource.get("time_partitioning")).get("field")).hasToString("each.value.partition");
        assertThat(resource.get("clustering")).hasToString("each.value.clustering");

        tables().forEach((table, settings) -> {
            List<String> columns = BigQueryTables.columns(table);
            assertThat(columns).as(table).contains((String) block(settings).get("partition"));
            Object clustering = block(settings).get("clustering");
            if (clustering != null) {
                assertThat(columns).as(table).containsAll(strings(clustering));
            }
        });
        Map<String, Object> daily = block(tables().get(BigQueryTables.METRICS_DAILY));
        assertThat(daily.get("partition")).isEqualTo("day");
        assertThat(strings(daily.get("clustering")))
                .as("metrics_daily's key after the day")
                .containsExactly("map", "agent", "condition");
    }

    @Test
    void terraformDeclaresEverySqlViewAfterEverythingItReads() throws Exception {
        // each layer of views is created after the tables and the layers before it
        List<String> readable = new ArrayList<>(BigQueryTables.ALL);
        List<String> views = new ArrayList<>();
        for (String layer : List.of("latest_views", "dashboard_views")) {
            Map<String, Object> call = terraform.moduleCall(layer);
            assertThat(call.get("source")).isEqualTo("./modules/bigquery-views");
            assertThat(call.get("sql_dir")).isEqualTo(terraform.locals().get("views_dir"));
            List<String> layerViews = strings(call.get("views"));
            for (String view : layerViews) {
                assertThat(tablesRead(view)).as("%s reads", view).isSubsetOf(readable);
            }
            readable.addAll(layerViews);
            views.addAll(layerViews);
        }
        try (Stream<Path> files = Files.list(VIEWS)) {
            assertThat(views)
                    .containsExactlyInAnyOrderElementsOf(
                            files.map(f -> f.getFileName().toString().replaceAll("\\.sql$", ""))
                                    .toList());
        }
    }

    @Test
    void reporterGetsTheDatasetTerraformCreates() {
        Map<String, String> env = terraform.cloudRunEnv("reporter");
        assertThat(env).containsEntry("SPRING_PROFILES_ACTIVE", "gcp");
        assertThat(env)
                .containsEntry("DRIVENOTES_GCP_BIGQUERY_DATASET", "google_bigquery_dataset.drivenotes.dataset_id");
        // the property's default in BigQuerySinkConfiguration is the dataset Terraform creates
        assertThat(terraform.resource("google_bigquery_dataset", "drivenotes").get("dataset_id"))
                .isEqualTo("drivenotes");
        assertThat(new File("src/main/java/dev/drivenotes/reporter/store/bigquery/BigQuerySinkConfiguration.java"))
                .content()
                .contains("${drivenotes.gcp.bigquery.dataset:drivenotes}");
    }

    /** table => {partition, clustering}, from bigquery.tf's locals. */
    private static Map<String, Object> tables() {
        return block(terraform.locals().get("tables"));
    }

    /** The tables and views a view's SQL reads (`${dataset}.name`). */
    private static List<String> tablesRead(String view) throws IOException {
        return TABLE_REFERENCE
                .matcher(Files.readString(VIEWS.resolve(view + ".sql")))
                .results()
                .map(m -> m.group(1))
                .toList();
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }
}
