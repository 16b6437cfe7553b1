package dev.drivenotes.reporter.regression;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the regression rule from {@code drivenotes.reporter.regression.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegressionRule.class)
class RegressionConfiguration {}
