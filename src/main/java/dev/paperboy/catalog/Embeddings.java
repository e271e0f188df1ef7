package dev.paperboy.catalog;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each paper's embedding per model, with the hash of the text it was computed from. */
@Repository
public class Embeddings {

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  public Embeddings(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** A stored vector and the hash of the text behind it. */
  public record Stored(String textHash, float[] vector) {}

  public Map<PaperId, Stored> find(String model, List<PaperId> ids) {
    Map<PaperId, Stored> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    jdbc.sql(
            "select paper_id, text_hash, vector from paper_embedding"
                + " where model = ? and paper_id = any(?)")
        .params(model, ids.stream().map(PaperId::toString).toArray(String[]::new))
        .query(
            rs -> {
              found.put(
                  PaperId.parse(rs.getString(1)).orElseThrow(),
                  new Stored(rs.getString(2), decode(rs.getBytes(3))));
            });
    return found;
  }

  /** A vector computed from this paper's title and abstract. */
  public record Computed(Paper from, Stored stored) {}

  /**
   * Stores each vector only if its paper still has the title and abstract it was computed from, so
   * a slow embedder never writes an older text's vector over a newer one's (an import that changes
   * the text also drops the old vector, see {@link Catalog#upsert}). A paper an import is writing
   * right now is skipped, not waited for: waiting on rows an import holds, in the import's order,
   * could deadlock, and the paper, still without a vector, is embedded again later.
   */
  public void save(String model, List<Computed> vectors) {
    template.batchUpdate(
        "insert into paper_embedding (paper_id, model, text_hash, vector)"
            + " select p.id, ?, ?, ? from paper p where p.id = ? and p.title = ? and p.abstract = ?"
            + " for share skip locked"
            + " on conflict (paper_id, model) do update set text_hash = excluded.text_hash,"
            + " vector = excluded.vector",
        vectors.stream()
            .sorted(Comparator.comparing(c -> c.from().id().toString()))
            .map(
                c ->
                    new Object[] {
                      model,
                      c.stored().textHash(),
                      encode(c.stored().vector()),
                      c.from().id().toString(),
                      c.from().title(),
                      c.from().abstractText()
                    })
            .toList());
  }

  /** Up to {@code limit} papers with no vector from this model, in id order. */
  public List<PaperId> missing(String model, int limit) {
    return jdbc.sql(
            "select p.id from paper p where not exists (select 1 from paper_embedding e"
                + " where e.paper_id = p.id and e.model = ?) order by p.id limit ?")
        .params(model, limit)
        .query((rs, i) -> PaperId.parse(rs.getString(1)).orElseThrow())
        .list();
  }

  static byte[] encode(float[] vector) {
    ByteBuffer buffer = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(vector);
    return buffer.array();
  }

  /** A stored vector: float32 little-endian, as {@link #save} writes it. */
  public static float[] decode(byte[] bytes) {
    float[] vector = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
    return vector;
  }
}
