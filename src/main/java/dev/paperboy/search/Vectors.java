package dev.paperboy.search;

import dev.paperboy.catalog.Embeddings;
import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.PaperId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Each paper's vector for the current model: read from the catalog when the stored one was made by
 * this model from this text, computed (and stored) otherwise. So reindexing reuses vectors, and a
 * changed abstract or a new model is re-embedded.
 */
@Component
class Vectors {

  private final Embedder embedder;
  private final Embeddings store;

  Vectors(Embedder embedder, Embeddings store) {
    this.embedder = embedder;
    this.store = store;
  }

  Map<PaperId, float[]> of(List<Paper> papers) {
    Map<PaperId, float[]> vectors = stored(papers);
    List<Paper> stale = papers.stream().filter(p -> !vectors.containsKey(p.id())).toList();
    if (!stale.isEmpty()) {
      List<float[]> computed = embedder.embed(stale.stream().map(Vectors::text).toList());
      List<Embeddings.Computed> fresh = new ArrayList<>();
      for (int i = 0; i < stale.size(); i++) {
        Paper p = stale.get(i);
        vectors.put(p.id(), computed.get(i));
        fresh.add(
            new Embeddings.Computed(p, new Embeddings.Stored(hash(text(p)), computed.get(i))));
      }
      store.save(embedder.signature(), fresh);
    }
    return vectors;
  }

  /** Only the vectors already stored from this model and this text; nothing is computed. */
  Map<PaperId, float[]> stored(List<Paper> papers) {
    Map<PaperId, Embeddings.Stored> stored =
        store.find(embedder.signature(), papers.stream().map(Paper::id).toList());
    Map<PaperId, float[]> vectors = new HashMap<>();
    for (Paper p : papers) {
      Embeddings.Stored s = stored.get(p.id());
      if (s != null && s.textHash().equals(hash(text(p)))) {
        vectors.put(p.id(), s.vector());
      }
    }
    return vectors;
  }

  /** Up to {@code limit} papers without a vector from the current model. */
  List<PaperId> missing(int limit) {
    return store.missing(embedder.signature(), limit);
  }

  String signature() {
    return embedder.signature();
  }

  /** What the model reads: title, then abstract (truncation cuts the abstract's end first). */
  static String text(Paper p) {
    return p.title() + ". " + p.abstractText();
  }

  static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
