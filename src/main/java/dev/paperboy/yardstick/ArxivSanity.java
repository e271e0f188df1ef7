package dev.paperboy.yardstick;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * arxiv-sanity-lite's ranking, as its {@code compute.py} and {@code serve.py} do it: TF-IDF of
 * title and abstract (words of two or more characters, English stop words dropped, unigrams and
 * bigrams, sublinear tf, smoothed idf, l2-normalized), then per reader a linear SVM (liblinear's
 * L2-regularized squared hinge, dual; {@code class_weight='balanced'}, {@code C=0.01}) trained on
 * every paper, the reader's tagged ones positive and all others negative, ranking by its decision
 * value. Differences, forced by a corpus of 1,200 papers instead of arXiv: a term must be in 2
 * papers, not 5; the stop words are Lucene's English set, not scikit-learn's.
 */
final class ArxivSanity {

  static final double COST = 0.01;
  private static final int MIN_DF = 2;
  private static final double MAX_DF = 0.1;
  private static final Pattern WORD = Pattern.compile("[a-z_][a-z0-9_]+");

  static {
    Linear.disableDebugOutput();
  }

  private final List<String> ids;
  private final Map<String, Feature[]> rows = new HashMap<>();
  private final int terms;

  /** TF-IDF of every paper, fitted on all of them as arxiv-sanity fits on its whole database. */
  ArxivSanity(List<Yardstick.Paper> papers) {
    this.ids = papers.stream().map(Yardstick.Paper::id).toList();
    List<Map<String, Integer>> counts = papers.stream().map(ArxivSanity::termCounts).toList();
    Map<String, Integer> df = new TreeMap<>();
    counts.forEach(c -> c.keySet().forEach(t -> df.merge(t, 1, Integer::sum)));
    Map<String, Integer> vocabulary = vocabulary(df, papers.size());
    this.terms = vocabulary.size();
    for (int i = 0; i < papers.size(); i++) {
      rows.put(ids.get(i), tfidf(counts.get(i), vocabulary, df, papers.size()));
    }
  }

  /** The SVM's decision value for each candidate, trained on every paper given {@code tagged}. */
  float[] scores(Set<String> tagged, List<String> candidates) {
    Problem problem = new Problem();
    problem.l = ids.size();
    problem.n = terms + 1;
    problem.bias = 1;
    problem.x = ids.stream().map(rows::get).toArray(Feature[][]::new);
    problem.y = ids.stream().mapToDouble(id -> tagged.contains(id) ? 1 : -1).toArray();
    int positives = (int) ids.stream().filter(tagged::contains).count();
    Parameter parameter = new Parameter(SolverType.L2R_L2LOSS_SVC_DUAL, COST, 10_000, 1e-6);
    // scikit-learn's 'balanced': n / (2 · class size)
    parameter.setWeights(
        new double[] {
          ids.size() / (2.0 * positives), ids.size() / (2.0 * (ids.size() - positives))
        },
        new int[] {1, -1});
    Linear.resetRandom();
    Model model = Linear.train(problem, parameter);
    double sign = model.getLabels()[0] == 1 ? 1 : -1;
    double[] w = model.getFeatureWeights();
    float[] scores = new float[candidates.size()];
    for (int i = 0; i < scores.length; i++) {
      double s = 0;
      for (Feature f : rows.get(candidates.get(i))) {
        s += w[f.getIndex() - 1] * f.getValue();
      }
      scores[i] = (float) (sign * s);
    }
    return scores;
  }

  static Map<String, Integer> termCounts(Yardstick.Paper paper) {
    String text =
        Normalizer.normalize(paper.title() + " " + paper.abstractText(), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      if (!EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(m.group())) {
        words.add(m.group());
      }
    }
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < words.size(); i++) {
      counts.merge(words.get(i), 1, Integer::sum);
      if (i > 0) {
        counts.merge(words.get(i - 1) + " " + words.get(i), 1, Integer::sum);
      }
    }
    return counts;
  }

  /** Terms in at least {@link #MIN_DF} papers and at most {@link #MAX_DF} of them, numbered. */
  private static Map<String, Integer> vocabulary(Map<String, Integer> df, int papers) {
    Map<String, Integer> vocabulary = new HashMap<>();
    df.forEach(
        (term, n) -> {
          if (n >= MIN_DF && n <= MAX_DF * papers) {
            vocabulary.put(term, vocabulary.size() + 1);
          }
        });
    return vocabulary;
  }

  private Feature[] tfidf(
      Map<String, Integer> counts,
      Map<String, Integer> vocabulary,
      Map<String, Integer> df,
      int n) {
    TreeMap<Integer, Double> values = new TreeMap<>();
    double norm = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      Integer index = vocabulary.get(e.getKey());
      if (index != null) {
        double idf = Math.log((1.0 + n) / (1.0 + df.get(e.getKey()))) + 1;
        double v = (1 + Math.log(e.getValue())) * idf;
        values.put(index, v);
        norm += v * v;
      }
    }
    double length = Math.sqrt(norm);
    List<Feature> row = new ArrayList<>();
    values.forEach((index, v) -> row.add(new FeatureNode(index, v / length)));
    // the bias feature, as liblinear's file reader appends it
    row.add(new FeatureNode(terms + 1, 1));
    return row.toArray(Feature[]::new);
  }
}
