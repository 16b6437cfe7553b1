package dev.drivenotes.model.policy;

/**
 * Vertex AI request {@code parameters}: which policy answers. Null {@code policy} means the
 * service's default policy.
 */
public record PredictParameters(String policy) {}
