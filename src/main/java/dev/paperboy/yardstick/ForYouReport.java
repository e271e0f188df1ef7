package dev.paperboy.yardstick;

import dev.paperboy.foryou.Learner;
import java.util.Locale;
import java.util.Map;

/**
 * The For you evaluation as a section of docs/RELEVANCE.md, written in place of the previous one so
 * that the search tables and the rest of the file stay as they are.
 */
public final class ForYouReport {

  public static final String HEADING = "## For you (recommendation)";

  private ForYouReport() {}

  /** {@code report} with its For you section replaced by {@code section}, or it appended. */
  public static String into(String report, String section) {
    int start = report.indexOf("\n" + HEADING + "\n");
    if (start < 0) {
      return report.stripTrailing() + "\n\n" + section;
    }
    int next = report.indexOf("\n## ", start + HEADING.length() + 1);
    String rest = next < 0 ? "" : report.substring(next);
    return report.substring(0, start + 1) + section + rest;
  }

  public static String markdown(
      ForYouEvaluation.Result result, String model, String command, String date) {
    ForYouReaders r = result.readers();
    StringBuilder md = new StringBuilder(HEADING).append("\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Measured on %s (vectors: %s, the shipped model) with:\n\n```sh\n%s\n```\n\n",
            date,
            model,
            command));
    md.append(protocol(r, result.settings()));
    for (Yardstick.Split split : Yardstick.Split.values()) {
      md.append("\n### ")
          .append(split.id())
          .append(" (")
          .append(r.readers(split).size())
          .append(" readers)\n\n")
          .append(table(result.scores().get(split)));
    }
    md.append("\n").append(targets(result.scores().get(Yardstick.Split.TEST)));
    return md.toString();
  }

  private static String protocol(ForYouReaders r, Learner.Settings s) {
    return String.format(
        Locale.ROOT,
        "Synthetic readers made from the yardstick's topics (`ForYouReaders`): each follows 1–3"
            + " topics, drawn Zipf-wise (the i-th most popular with weight 1/i, so that a few"
            + " topics are shared by many readers; dev readers from the odd-numbered topics, test"
            + " readers from the even-numbered ones), and"
            + " dislikes, with probability 0.7 per followed topic, a near neighbour (a topic of the"
            + " same arXiv category, else archive). Temporal split at %s on the yardstick's own"
            + " dates: the %d older papers are the past, where a reader saved each paper of their"
            + " topics with probability 0.6 (at least 2 per topic) and voted down each paper of a"
            + " disliked topic with probability 0.5; the %d newer papers are ranked, all of them,"
            + " for every reader. Held-out positives are the new papers of the followed topics,"
            + " graded 3/2/1 by rank in topic as for a topic query; nDCG@10 (gain 2^grade − 1) and"
            + " recall@50 (grade ≥ 1) over all new papers; MRR 1+4 is Scholar Inbox's protocol,"
            + " each held-out positive ranked against 4 held-out negatives (new papers of the"
            + " disliked topics, topped up with random new papers of other topics). Trending only"
            + " is one order for everyone: how many other readers saved each new paper, each"
            + " reader saving each new paper of their topics with probability 0.5. Centroid"
            + " similarity: the cosine to the mean of the reader's saves. arxiv-sanity: as its"
            + " code does it (`ArxivSanity`: TF-IDF of title and abstract, unigrams and bigrams,"
            + " a linear SVM with C = 0.01 and balanced classes on every paper, the saves"
            + " positive). The model: `Learner` on the saves, the down-votes and %d random older"
            + " papers the reader did not save: logistic regression (liblinear) on %s, with C = %s, a"
            + " down-vote weighing %d background papers, the positives %.0f %% of the loss;"
            + " the centroid below %d positives. The reader with 2 saved papers has only the"
            + " first 2 saves of their first topic and no down-votes. Tuned on dev (`--tune`"
            + " prints the grid); test is only reported.\n",
        ForYouReaders.CUTOFF,
        r.older().size(),
        r.newer().size(),
        s.maxBackground(),
        s.standardized()
            ? "the vectors standardized per dimension (mean and spread of the random papers)"
            : "the raw vectors",
        s.cost(),
        s.copiesPerNegative(),
        s.positiveClassShare() * 100,
        s.fewPositives());
  }

  private static String table(Map<ForYouEvaluation.Method, ForYouEvaluation.Score> scores) {
    StringBuilder md =
        new StringBuilder("| method | nDCG@10 | recall@50 | MRR 1+4 |\n|---|---|---|---|\n");
    scores.forEach(
        (method, s) ->
            md.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %.3f | %.3f | %.3f |\n",
                    method.label,
                    s.ndcg10(),
                    s.recall50(),
                    s.mrr())));
    return md.toString();
  }

  /** The done-when targets, checked on the test readers. */
  static String targets(Map<ForYouEvaluation.Method, ForYouEvaluation.Score> test) {
    double model = test.get(ForYouEvaluation.Method.MODEL).ndcg10();
    double trending = test.get(ForYouEvaluation.Method.TRENDING).ndcg10();
    double centroid = test.get(ForYouEvaluation.Method.CENTROID).ndcg10();
    double two = test.get(ForYouEvaluation.Method.TWO_SAVES).ndcg10();
    return String.format(
        Locale.ROOT,
        "Targets on test, nDCG@10: the model − trending only = %+.3f (target ≥ +0.15: %s);"
            + " the model − centroid = %+.3f (target ≥ +0.03: %s); 2 saved papers − trending only"
            + " = %+.3f (target > 0: %s).\n",
        model - trending,
        met(model - trending >= 0.15),
        model - centroid,
        met(model - centroid >= 0.03),
        two - trending,
        met(two > trending));
  }

  private static String met(boolean met) {
    return met ? "met" : "**not met**";
  }
}
