package dev.paperboy.yardstick;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * The judged corpus and queries of {@code yardstick/} (format in its README): papers grouped in
 * topics of six, where rank in the topic sets the grade, and queries aimed at topics, one paper's
 * title or authors, split into a dev part to tune on and a test part that is only reported.
 */
public record Yardstick(List<Paper> papers, List<Query> queries) {

  /** One corpus paper; {@code rank} is its place (1–6) in its topic. */
  public record Paper(
      String id,
      int topic,
      int rank,
      String title,
      String abstractText,
      List<String> authors,
      String category,
      LocalDate published) {}

  /** Which part of the yardstick a query belongs to: tuned on, or only reported. */
  public enum Split {
    DEV,
    TEST;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One query with its target as written ({@code 03,46}, {@code 051/2} or {@code @Name}) and the
   * graded judgments that follow from it, paper id → grade (0–3; absent means 0).
   */
  public record Query(
      Split split, String kind, String text, String target, Map<String, Integer> grades) {}

  /** The query kinds in the order reports list them; the last two are in the dev part only. */
  public static final List<String> KINDS =
      List.of(
          "paraphrase",
          "misspelling",
          "question",
          "acronym",
          "title",
          "author",
          "exact",
          "description");

  private static final String[] COAUTHORS = {
    "Adrian Kell", "Bianca Rossi", "Carlos Ibarra", "Dana Whitcombe", "Emeka Nwosu",
    "Fatima Zahra", "Georg Brandt", "Hiroshi Kato", "Ines Duarte", "Jakob Meier",
    "Kavya Iyer", "Liam O'Connor", "Maja Jensen", "Nikolai Petrov", "Olga Sidorova",
    "Pablo Ortega", "Qing Liu", "Rosa Delgado", "Stefan Ionescu", "Tara Quinn",
    "Umar Farouk", "Vera Lindholm", "William Chen", "Xenia Markou", "Yusuf Demir",
    "Zofia Wrobel", "Anders Berg", "Bruna Alves", "Cyrus Tehrani", "Dilnoza Karimova",
    "Elif Yilmaz", "Farid Nasser", "Gemma Lowe", "Hugo Lambert", "Irene Papadopoulou",
    "Joon-ho Park", "Kofi Mensah", "Leila Haddou", "Mikko Virtanen", "Nadia Bouzid"
  };

  /** Loads {@code corpus/*.txt} and {@code queries/dev/*.txt}, {@code queries/test/*.txt}. */
  public static Yardstick load(Path dir) {
    List<Paper> papers = papers(lines(files(dir.resolve("corpus"))));
    List<Query> queries = new ArrayList<>();
    for (Split split : Split.values()) {
      queries.addAll(
          queries(split, lines(files(dir.resolve("queries").resolve(split.id()))), papers));
    }
    return new Yardstick(papers, queries);
  }

  public List<Query> queries(Split split) {
    return queries.stream().filter(q -> q.split() == split).toList();
  }

  // Sorted, so that the corpus (and so every id and date) does not depend on the file system.
  private static List<Path> files(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the yardstick directory " + dir, e);
    }
  }

  private static List<String> lines(List<Path> files) {
    List<String> lines = new ArrayList<>();
    for (Path file : files) {
      try {
        Files.readAllLines(file).stream()
            .filter(l -> !l.isBlank() && !l.startsWith("#"))
            .forEach(lines::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the yardstick file " + file, e);
      }
    }
    return lines;
  }

  private static List<Paper> papers(List<String> lines) {
    List<Paper> papers = new ArrayList<>();
    String[] topic = null;
    int rank = 0;
    for (String line : lines) {
      String[] f = line.split("\\|", -1);
      if (f[0].equals("T") && f.length == 4) {
        topic = f;
        rank = 0;
      } else if (f[0].equals("P") && f.length == 3 && topic != null) {
        rank++;
        papers.add(paper(topicNumber(topic[1]), rank, topic, f));
      } else {
        throw new IllegalArgumentException("unreadable corpus line: " + line);
      }
    }
    return papers;
  }

  private static Paper paper(int t, int rank, String[] topic, String[] f) {
    return new Paper(
        // new-style arXiv ids, 2601.TTTRR: unique for up to 999 topics of up to 99 papers
        String.format(Locale.ROOT, "arxiv:2601.%03d%02d", t, rank),
        t,
        rank,
        f[1],
        f[2],
        authors(topic[3], t, rank),
        topic[2],
        LocalDate.of(2019 + (t + rank) % 7, 1 + t % 12, rank + 1));
  }

  /** A topic number written with two digits ({@code 03}) or three ({@code 003}). */
  private static int topicNumber(String text) {
    int t = Integer.parseInt(text.strip());
    if (t < 1 || t > 999) {
      throw new IllegalArgumentException("topic number out of range: " + text);
    }
    return t;
  }

  /** The topic's lead author writes its three core papers; co-authors come from a fixed pool. */
  private static List<String> authors(String lead, int topic, int rank) {
    String first = COAUTHORS[(topic * 7 + rank * 3) % COAUTHORS.length];
    String second = COAUTHORS[(topic * 11 + rank * 5 + 1) % COAUTHORS.length];
    List<String> authors = new ArrayList<>();
    if (rank <= 3) {
      authors.add(lead);
    }
    authors.add(first);
    if (!second.equals(first)) {
      authors.add(second);
    }
    return authors;
  }

  private static List<Query> queries(Split split, List<String> lines, List<Paper> papers) {
    List<Query> queries = new ArrayList<>();
    for (String line : lines) {
      String[] f = line.split("\\|", -1);
      if (!f[0].equals("Q") || f.length != 4 || !KINDS.contains(f[1])) {
        throw new IllegalArgumentException("unreadable query line: " + line);
      }
      queries.add(new Query(split, f[1], f[2], f[3], grades(f[3], papers)));
    }
    return queries;
  }

  /**
   * Judgments for a target: {@code @Name} (every paper by that author, grade 3), {@code NNN/k}
   * (paper k of topic NNN grade 3, its topic's other papers grade 1) or topics {@code 03,46} (by
   * rank in topic: core 3, close 2, broad 1).
   */
  private static Map<String, Integer> grades(String target, List<Paper> papers) {
    Map<String, Integer> grades = new LinkedHashMap<>();
    if (target.startsWith("@")) {
      String author = target.substring(1);
      papers.stream().filter(p -> p.authors().contains(author)).forEach(p -> grades.put(p.id(), 3));
    } else if (target.contains("/")) {
      String[] topicAndRank = target.split("/");
      int t = topicNumber(topicAndRank[0]);
      int rank = Integer.parseInt(topicAndRank[1].strip());
      papers.stream()
          .filter(p -> p.topic() == t)
          .forEach(p -> grades.put(p.id(), p.rank() == rank ? 3 : 1));
    } else {
      for (String topic : target.split(",")) {
        int t = topicNumber(topic);
        papers.stream()
            .filter(p -> p.topic() == t)
            .forEach(p -> grades.put(p.id(), p.rank() <= 3 ? 3 : p.rank() <= 5 ? 2 : 1));
      }
    }
    return grades;
  }

  /** The corpus as Paperboy JSON Lines, for a real import. */
  public String toJsonLines() {
    JsonMapper json = JsonMapper.builder().build();
    StringBuilder out = new StringBuilder();
    for (Paper p : papers) {
      Map<String, Object> record = new LinkedHashMap<>();
      record.put("id", p.id());
      record.put("title", p.title());
      record.put("abstract", p.abstractText());
      record.put("authors", p.authors());
      record.put("categories", List.of(p.category()));
      record.put("published", p.published().toString());
      out.append(json.writeValueAsString(record)).append('\n');
    }
    return out.toString();
  }
}
