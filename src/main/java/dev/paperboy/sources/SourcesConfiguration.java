package dev.paperboy.sources;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the sources' settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SourceSettings.class)
class SourcesConfiguration {}
