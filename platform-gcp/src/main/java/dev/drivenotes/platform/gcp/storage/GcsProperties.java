package dev.drivenotes.platform.gcp.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Cloud Storage settings (profile {@code gcp}).
 *
 * @param artifactsBucket the bucket for trajectories and reports (Terraform output {@code
 *     artifacts_bucket}, env {@code DRIVENOTES_GCP_STORAGE_ARTIFACTS_BUCKET})
 */
@ConfigurationProperties("drivenotes.gcp.storage")
public record GcsProperties(String artifactsBucket) {}
