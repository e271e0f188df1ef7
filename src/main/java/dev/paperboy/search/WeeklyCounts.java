package dev.paperboy.search;

import java.io.IOException;
import java.util.Collection;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts matches per week of publication in one pass over them, reading each match's day from doc
 * values: one query for a year's chart, not one per week.
 */
final class WeeklyCounts implements CollectorManager<WeeklyCounts.Counter, int[]> {

  private final long firstDay;
  private final int weeks;

  WeeklyCounts(long firstDay, int weeks) {
    this.firstDay = firstDay;
    this.weeks = weeks;
  }

  @Override
  public Counter newCollector() {
    return new Counter();
  }

  @Override
  public int[] reduce(Collection<Counter> counters) {
    int[] total = new int[weeks];
    for (Counter c : counters) {
      for (int w = 0; w < weeks; w++) {
        total[w] += c.counts[w];
      }
    }
    return total;
  }

  /** One slice's counts. */
  final class Counter extends SimpleCollector {

    private final int[] counts = new int[weeks];
    private NumericDocValues days;

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      days = DocValues.getNumeric(context.reader(), IndexFields.PUBLISHED);
    }

    @Override
    public void collect(int doc) throws IOException {
      if (days.advanceExact(doc)) {
        long week = (days.longValue() - firstDay) / 7;
        if (week >= 0 && week < weeks) {
          counts[(int) week]++;
        }
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
