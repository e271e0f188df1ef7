package dev.paperboy.yardstick;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The judged corpus and queries of {@code yardstick/} (format in its README): papers grouped in
 * topics of six, where rank in the topic sets the grade, and queries aimed at topics or authors.
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

  /** One query with its graded judgments, paper id → grade (0–3; absent means 0). */
  public record Query(String kind, String text, Map<String, Integer> grades) {}

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

  public static Yardstick load(Path dir) {
    List<Paper> papers = papers(lines(dir.resolve("corpus.txt")));
    return new Yardstick(papers, queries(lines(dir.resolve("queries.txt")), papers));
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the yardstick file " + file, e);
    }
  }

  private static List<Paper> papers(List<String> lines) {
    List<Paper> papers = new ArrayList<>();
    String[] topic = null;
    int rank = 0;
    for (String line : lines) {
      String[] f = line.split("\\|", -1);
      if (f[0].equals("T")) {
        topic = f;
        rank = 0;
      } else if (f[0].equals("P") && topic != null) {
        rank++;
        int t = Integer.parseInt(topic[1]);
        papers.add(
            new Paper(
                String.format("arxiv:2601.%02d%03d", t, rank),
                t,
                rank,
                f[1],
                f[2],
                authors(topic[3], t, rank),
                topic[2],
                LocalDate.of(2019 + (t + rank) % 7, 1 + t % 12, rank + 1)));
      } else {
        throw new IllegalArgumentException("unreadable corpus line: " + line);
      }
    }
    return papers;
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

  private static List<Query> queries(List<String> lines, List<Paper> papers) {
    List<Query> queries = new ArrayList<>();
    for (String line : lines) {
      String[] f = line.split("\\|", -1);
      if (!f[0].equals("Q") || f.length != 4) {
        throw new IllegalArgumentException("unreadable query line: " + line);
      }
      queries.add(new Query(f[1], f[2], grades(f[3], papers)));
    }
    return queries;
  }

  private static Map<String, Integer> grades(String target, List<Paper> papers) {
    Map<String, Integer> grades = new LinkedHashMap<>();
    if (target.startsWith("@")) {
      String author = target.substring(1);
      papers.stream().filter(p -> p.authors().contains(author)).forEach(p -> grades.put(p.id(), 3));
      return grades;
    }
    for (String topic : target.split(",")) {
      int t = Integer.parseInt(topic.strip());
      papers.stream()
          .filter(p -> p.topic() == t)
          .forEach(p -> grades.put(p.id(), p.rank() <= 3 ? 3 : p.rank() <= 5 ? 2 : 1));
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
