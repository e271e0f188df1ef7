package dev.paperboy.search;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The embedding model, loaded once per process; the index's periodic commit. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(SearchSettings.class)
class SearchConfiguration {

  @Bean(destroyMethod = "close")
  Embedder embedder(SearchSettings settings) {
    return new Embedder(
        EmbeddingModel.byId(settings.model()),
        settings.maxTokens(),
        settings.batchSize(),
        settings.threads());
  }
}
