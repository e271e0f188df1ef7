package dev.paperboy.search;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedding model, loaded once per process, and the settings of search and its index. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SearchSettings.class, IndexSettings.class})
class SearchConfiguration {

  @Bean(destroyMethod = "close")
  Embedder embedder(SearchSettings settings) {
    EmbeddingModel model = settings.embeddingModel();
    return new Embedder(model, settings.maxTokens(model), settings.batchSize(), settings.threads());
  }
}
