package dev.paperboy.foryou;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The papers recommendations are chosen from: those published since {@code since} that have a
 * vector, as one row-major matrix ({@code ids.size()} rows of {@code dims}), so that scoring them
 * for a reader is one matrix–vector product. Loaded once per digest run and shared by its readers.
 */
public record Candidates(LocalDate since, List<String> ids, float[] matrix, int dims) {

  int rows() {
    return ids.size();
  }

  float[] row(int i) {
    return Arrays.copyOfRange(matrix, i * dims, (i + 1) * dims);
  }
}
