package dev.paperboy.yardstick;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.PaperboyApplication;
import dev.paperboy.cli.Cli;
import dev.paperboy.runtime.DataDirectory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The yardstick runs end to end, and hybrid ranking beats keywords alone on it. */
class YardstickIT {

  @TempDir Path temp;

  @Test
  void evalWritesTheTableAndHybridBeatsKeywordOnNdcg() throws IOException {
    Path report = temp.resolve("RELEVANCE.md");
    String models = "\n## Models\n\nCompared by hand over several runs.\n";
    Files.writeString(report, "# Relevance\n\nan older table\n" + models);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        new Cli(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                PaperboyApplication.class,
                new DataDirectory(temp.resolve("unused")))
            .run("eval", "--model", "all-MiniLM-L6-v2-q", "--out", report.toString());
    assertThat(status).isZero();
    String markdown = Files.readString(report);
    assertThat(markdown).contains("### dev", "### test", "| paraphrase |", "| title |");
    // the tables are new, the hand-written comparison of models is kept
    assertThat(markdown).doesNotContain("an older table").endsWith(models);
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(ndcg(printed, "dev", "hybrid")).isGreaterThan(ndcg(printed, "dev", "keyword"));
    // the test part is reported in aggregate only: no test query is printed one by one
    assertThat(printed).contains("dev paraphrase").doesNotContain("test paraphrase");
  }

  private static double ndcg(String printed, String split, String mode) {
    Matcher m = Pattern.compile(split + "\\s+" + mode + "\\s+nDCG@10 ([0-9.]+)").matcher(printed);
    assertThat(m.find()).as(split + " " + mode).isTrue();
    return Double.parseDouble(m.group(1));
  }
}
