package dev.paperboy.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A small bar chart, drawn as SVG by the server (no script): matching papers per week over the last
 * year, so a reader sees whether a topic is rising.
 */
record WeeklyChart(List<Bar> bars, int max, int total, int width, int height) {

  static final int BAR = 8;
  static final int GAP = 2;
  static final int HEIGHT = 60;

  /** One week's bar; coordinates are SVG user units. */
  record Bar(int x, int y, int height, int count, LocalDate week) {}

  static WeeklyChart of(int[] counts, LocalDate end) {
    int max = 0;
    int total = 0;
    for (int c : counts) {
      max = Math.max(max, c);
      total += c;
    }
    List<Bar> bars = new ArrayList<>();
    LocalDate start = end.minusWeeks(counts.length).plusDays(1);
    for (int i = 0; i < counts.length; i++) {
      int h = max == 0 ? 0 : Math.max(counts[i] > 0 ? 1 : 0, counts[i] * HEIGHT / max);
      bars.add(new Bar(i * (BAR + GAP), HEIGHT - h, h, counts[i], start.plusWeeks(i)));
    }
    return new WeeklyChart(bars, max, total, counts.length * (BAR + GAP), HEIGHT + 14);
  }
}
