package dev.drivenotes.reporter.store.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** terraform/bigquery.tf and the reporter's Cloud Run env against the schema files and the code. */
class BigQueryTerraformTest {

    private static final Path TERRAFORM = Path.of("../terraform");
    private static Map<String, Object> bigquery;
    private static String bigqueryText;
    private static Map<String, Object> services;

    @BeforeAll
    static void parse() throws Exception {
        bigquery = new HCLParser().parse(TERRAFORM.resolve("bigquery.tf").toFile(), "UTF-8");
        bigqueryText = Files.readString(TERRAFORM.resolve("bigquery.tf"));
        services = new HCLParser().parse(TERRAFORM.resolve("services.tf").toFile(), "UTF-8");
    }

    @Test
    void terraformCreatesExactlyTheTablesTheSinkWritesFromTheSameSchemaFiles() throws Exception {
        Map<String, Object> tables = tables();
        for (String table : BigQueryTables.ALL) {
            assertThat(map(tables.get(table)).get("table_id")).isEqualTo(table);
            assertThat(bigqueryText).contains("file(\"${local.schema_dir}/" + table + ".json\")");
        }
        String schemaDir = (String) map(bigquery.get("locals")).get("schema_dir");
        Path fromTerraform = TERRAFORM.resolve(schemaDir.replace("path.module/", ""));
        for (String table : BigQueryTables.ALL) {
            assertThat(Files.readString(fromTerraform.resolve(table + ".json")))
                    .isEqualTo(Files.readString(Path.of("src/main/resources/bigquery/schema/" + table + ".json")));
        }
    }

    @Test
    void partitioningAndClusteringUseColumnsOfTheSchema() {
        Map<String, Object> tables = tables();
        for (String table : BigQueryTables.ALL) {
            Map<String, Object> t = map(tables.get(table));
            List<String> columns = BigQueryTables.columns(table);
            assertThat(columns)
                    .contains((String) map(t.get("time_partitioning")).get("field"));
            Object clustering = t.get("clustering");
            if (clustering != null) {
                assertThat(columns).containsAll(strings(clustering));
            }
        }
        Map<String, Object> daily = map(tables.get(BigQueryTables.METRICS_DAILY));
        assertThat(map(daily.get("time_partitioning")).get("field")).isEqualTo("day");
        assertThat(strings(daily.get("clustering"))).containsExactly("map", "agent");
    }

    @Test
    void everyDeclaredViewHasItsSqlFileAndOnlyReadsKnownTables() throws Exception {
        List<String> views = Pattern.compile("for_each\\s*=\\s*toset\\(\\[([^]]*)]\\)")
                .matcher(bigqueryText)
                .results()
                .flatMap(list ->
                        Pattern.compile("\"([a-z_]+)\"").matcher(list.group(1)).results())
                .map(m -> m.group(1))
                .toList();
        assertThat(views).contains("daily_note_accuracy", "accuracy_by_map_agent", "action_confusion");
        Pattern tableRef = Pattern.compile("`\\$\\{dataset}\\.([a-z_]+)`");
        for (String view : views) {
            String sql = Files.readString(Path.of("../bigquery/views/" + view + ".sql"));
            tableRef.matcher(sql)
                    .results()
                    .map(m -> m.group(1))
                    .forEach(table -> assertThat(BigQueryTables.ALL.contains(table) || views.contains(table))
                            .as("%s reads %s", view, table)
                            .isTrue());
        }
    }

    @Test
    void reporterGetsTheDatasetTerraformCreates() {
        Map<String, Object> run = map(map(map(services.get("resource")).get("google_cloud_run_v2_service"))
                .get("reporter"));
        Map<String, Object> container = map(map(run.get("template")).get("containers"));
        Map<String, String> env = new java.util.HashMap<>();
        for (Object e : (List<?>) container.get("env")) {
            env.put((String) map(e).get("name"), String.valueOf(map(e).get("value")));
        }
        assertThat(env).containsEntry("SPRING_PROFILES_ACTIVE", "gcp");
        assertThat(env)
                .containsEntry("DRIVENOTES_GCP_BIGQUERY_DATASET", "google_bigquery_dataset.drivenotes.dataset_id");
        Map<String, Object> dataset = map(map(map(bigquery.get("resource")).get("google_bigquery_dataset"))
                .get("drivenotes"));
        // the property's default in BigQuerySinkConfiguration is the dataset Terraform creates
        assertThat(dataset.get("dataset_id")).isEqualTo("drivenotes");
        assertThat(new File("src/main/java/dev/drivenotes/reporter/store/bigquery/BigQuerySinkConfiguration.java"))
                .content()
                .contains("${drivenotes.gcp.bigquery.dataset:drivenotes}");
    }

    private static Map<String, Object> tables() {
        return map(map(bigquery.get("resource")).get("google_bigquery_table"));
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).as("a block").isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
