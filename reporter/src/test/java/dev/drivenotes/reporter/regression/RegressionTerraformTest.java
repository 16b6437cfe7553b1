package dev.drivenotes.reporter.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.platform.gcp.testing.TerraformConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** terraform/monitoring.tf's regression alert against the line RegressionAlerts writes and the service that writes it. */
class RegressionTerraformTest {

    private static final TerraformConfig TERRAFORM = TerraformConfig.root("monitoring.tf", "services.tf");

    @Test
    void theLogBasedMetricCountsTheReportersAlertLine() {
        Map<String, Object> metric = TERRAFORM.resource("google_logging_metric", "accuracy_regressions");
        String filter = (String) metric.get("filter");
        String reporter = (String) TERRAFORM.moduleCall("reporter").get("name");

        assertThat(filter)
                .contains("resource.labels.service_name=\"" + reporter + "\"")
                .contains("jsonPayload.message:\"" + RegressionAlerts.LOG_MARKER + " metric=\"");
        assertThat(TerraformConfig.block(metric.get("label_extractors")).keySet())
                .containsExactlyInAnyOrder("metric", "agent", "condition");
    }

    @Test
    void theAlertPolicyWatchesThatMetric() {
        Map<String, Object> policy = TERRAFORM.resource("google_monitoring_alert_policy", "accuracy_regression");
        Map<String, Object> metric = TERRAFORM.resource("google_logging_metric", "accuracy_regressions");
        Map<String, Object> condition = TerraformConfig.block(
                TerraformConfig.block(policy.get("conditions")).get("condition_threshold"));

        assertThat((String) condition.get("filter"))
                .contains("metric.type=\"logging.googleapis.com/user/" + metric.get("name") + "\"");
        assertThat(condition.get("comparison")).isEqualTo("COMPARISON_GT");
    }
}
