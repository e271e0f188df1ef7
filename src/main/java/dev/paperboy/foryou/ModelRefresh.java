package dev.paperboy.foryou;

import dev.paperboy.search.Embedder;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Learns again the models of readers whose signals changed since: run on a schedule by every
 * instance ({@link ForYouSchedule}), each reader learned by one of them ({@link ReaderModels}).
 * Pages and digests also learn a stale reader on the spot, so this only keeps that rare.
 */
@Component
public class ModelRefresh {

  private static final Logger log = LoggerFactory.getLogger(ModelRefresh.class);

  /** Readers looked at per round; the next round takes the next ones. */
  static final int ROUND = 1_000;

  private final ReaderSignals signals;
  private final ReaderModels models;
  private final Embedder embedder;

  ModelRefresh(ReaderSignals signals, ReaderModels models, Embedder embedder) {
    this.signals = signals;
    this.models = models;
    this.embedder = embedder;
  }

  /** One round: how many readers' models this instance learned. */
  public int run() {
    String model = embedder.signature();
    List<UUID> stale = signals.stale(model, ROUND);
    int learned = 0;
    for (UUID reader : stale) {
      if (models.refresh(signals.of(reader, model), model)) {
        learned++;
      }
    }
    if (learned > 0) {
      log.info("For you: learned {} readers' models again", learned);
    }
    return learned;
  }
}
