package dev.paperboy.foryou;

import dev.paperboy.catalog.Embeddings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The newest papers with a vector, read as one matrix of candidates. */
@Repository
class NewPapers {

  private final JdbcClient jdbc;

  NewPapers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Papers published since {@code since} with a vector from {@code model}, newest first. */
  DayPapers since(LocalDate since, String model, int limit) {
    List<String> ids = new ArrayList<>();
    List<float[]> vectors = new ArrayList<>();
    jdbc.sql(
            "select p.id, e.vector from paper p join paper_embedding e on e.paper_id = p.id"
                + " and e.model = ? where p.published >= ? order by p.published desc, p.id"
                + " limit ?")
        .params(model, since, limit)
        .query(
            rs -> {
              ids.add(rs.getString(1));
              vectors.add(Embeddings.decode(rs.getBytes(2)));
            });
    int dims = vectors.isEmpty() ? 0 : vectors.get(0).length;
    float[] matrix = new float[ids.size() * dims];
    for (int i = 0; i < vectors.size(); i++) {
      System.arraycopy(vectors.get(i), 0, matrix, i * dims, dims);
    }
    return new DayPapers(since, ids, matrix, dims);
  }
}
