package dev.paperboy.foryou;

import dev.paperboy.catalog.Paper;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The papers recommendations are chosen from: those published since {@link #since()} that have a
 * vector, kept by row (to find each pick's nearest positive) and by column ({@link Candidates}, to
 * score every paper for a reader at once). Read once per digest run and shared by its readers.
 */
public final class DayPapers {

  private final LocalDate since;
  private final List<String> ids;
  private final float[] matrix;
  private final int dims;
  private final Candidates columns;

  /** Papers recommended from this day so far, read once however many readers get them. */
  private final Map<String, Paper> papers = new ConcurrentHashMap<>();

  /** {@code matrix}: row-major, one row of {@code dims} per id. */
  DayPapers(LocalDate since, List<String> ids, float[] matrix, int dims) {
    this.since = since;
    this.ids = List.copyOf(ids);
    this.matrix = matrix;
    this.dims = dims;
    this.columns = ids.isEmpty() ? null : Candidates.of(matrix, ids.size());
  }

  public LocalDate since() {
    return since;
  }

  List<String> ids() {
    return ids;
  }

  int rows() {
    return ids.size();
  }

  float[] row(int i) {
    return Arrays.copyOfRange(matrix, i * dims, (i + 1) * dims);
  }

  Map<String, Paper> papers() {
    return papers;
  }

  /** Every paper's score under the reader's ranking: one matrix–vector product. */
  float[] scores(ReaderRanker ranker) {
    return scores(List.of(ranker))[0];
  }

  /** Every paper's score under each reader's ranking, the candidates read once for them all. */
  float[][] scores(List<ReaderRanker> rankers) {
    return columns == null ? new float[rankers.size()][0] : columns.scores(rankers);
  }
}
