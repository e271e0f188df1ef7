package dev.paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.catalog.Catalog.Change;
import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.Signal;
import dev.paperboy.support.Fuzz;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes the whole import path short of the database (packing and format detection, every parser,
 * the batch that rejects invalid text) with damaged fixtures and random bytes. Whatever the bytes,
 * the answer is a report; every paper it accepts is one the catalog can hold; and reading the same
 * bytes twice gives the same answer. See docs/FORMATS.md for running it longer.
 */
class ImportFuzzTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
  private static final Path FIXTURES = fixtures();
  private static final List<byte[]> SEEDS = seeds();
  private static final String[] HEADS = {
    "",
    "<feed xmlns='http://www.w3.org/2005/Atom'>",
    "<rss version='2.0'><channel>",
    "<OAI-PMH><ListRecords>",
    "<OAI-PMH><GetRecord>",
    "{",
    "{\"submitter\":",
    "[",
    "[{\"paper\":",
    "\u001f\u008b",
    "BZh",
    "\u00fd7zXZ\u0000",
    "\uFEFF"
  };

  /** What one read of a file produced. */
  record Outcome(ImportReport report, List<Paper> papers, List<Signal> signals) {}

  @Test
  void damagedFixturesImportOrAreRejectedAndNeverCrash() {
    Fuzz.check(
        "damaged-fixture",
        400,
        r -> FixtureMutator.mutate(r, SEEDS.get(r.nextInt(SEEDS.size()))),
        b -> b,
        ImportFuzzTest::readsCleanly);
  }

  @Test
  void damagedCompressedFixturesImportOrAreRejectedAndNeverCrash() {
    Fuzz.check(
        "damaged-compressed-fixture",
        150,
        r -> {
          byte[] seed = SEEDS.get(r.nextInt(SEEDS.size()));
          byte[] packed =
              pack(r.nextInt(3), r.nextBoolean() ? FixtureMutator.mutate(r, seed) : seed);
          return r.nextBoolean() ? packed : FixtureMutator.mutate(r, packed);
        },
        b -> b,
        ImportFuzzTest::readsCleanly);
  }

  @Test
  void randomBytesBehindAnyFormatsFirstBytesNeverCrash() {
    Fuzz.check(
        "random-bytes",
        300,
        r -> {
          byte[] head = HEADS[r.nextInt(HEADS.length)].getBytes(StandardCharsets.ISO_8859_1);
          byte[] tail = FixtureMutator.randomBytes(r, r.nextInt(4096));
          byte[] all = new byte[head.length + tail.length];
          System.arraycopy(head, 0, all, 0, head.length);
          System.arraycopy(tail, 0, all, head.length, tail.length);
          return all;
        },
        b -> b,
        ImportFuzzTest::readsCleanly);
  }

  /** Every crash the fuzzing found, kept as it was found (fixtures/fuzz/README.md says what). */
  @ParameterizedTest
  @MethodSource("regressions")
  void everyInputTheFuzzingOnceCrashedOnNowReadsCleanly(Path file) throws IOException {
    readsCleanly(Files.readAllBytes(file));
  }

  static Stream<Path> regressions() throws IOException {
    return Files.list(FIXTURES.resolve("fuzz")).filter(f -> !f.endsWith("README.md")).sorted();
  }

  static void readsCleanly(byte[] input) throws IOException {
    Outcome first = read(input);
    assertThat(read(input)).as("a second read of the same bytes").isEqualTo(first);
    assertThat(first.report().created()).isEqualTo(first.papers().size());
    for (Paper p : first.papers()) {
      PaperInvariants.check(p);
    }
  }

  static Outcome read(byte[] input) throws IOException {
    List<Paper> papers = new ArrayList<>();
    List<Signal> signals = new ArrayList<>();
    ImportReport report =
        Importer.read(
            "fuzzed",
            new ByteArrayInputStream(input),
            CLOCK,
            records -> {
              records.forEach(
                  a -> {
                    papers.add(a.paper());
                    signals.addAll(a.signals());
                  });
              return records.stream().map(a -> Change.NEW).toList();
            });
    return new Outcome(report, papers, signals);
  }

  private static byte[] pack(int how, byte[] content) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out =
        switch (how) {
          case 0 -> new GZIPOutputStream(bytes);
          case 1 -> new BZip2CompressorOutputStream(bytes);
          default -> new XZCompressorOutputStream(bytes);
        }) {
      out.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static Path fixtures() {
    try {
      return Path.of(ImportFuzzTest.class.getResource("/fixtures").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every fixture a parser reads, the fuzzing's past finds among them. */
  private static List<byte[]> seeds() {
    try (Stream<Path> files = Files.walk(FIXTURES)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().endsWith(".md"))
          .sorted()
          .map(ImportFuzzTest::bytes)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
