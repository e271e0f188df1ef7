package dev.paperboy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Function;

/**
 * A small property-based fuzzing runner for the unit suite: each try draws its input from a {@link
 * Random} seeded with its own number, so a failure names the one seed that brings its input back.
 * {@code -Dfuzz.tries=N} runs longer, {@code -Dfuzz.seed=S} starts at a given seed (with {@code
 * -Dfuzz.tries=1}, exactly the failing try).
 */
public final class Fuzz {

  private static final Path FAILURES = Path.of("target", "fuzz-failures");
  private static final int SHOWN = 300;

  // Characters and pieces that have broken text handling somewhere: controls, lone surrogates,
  // odd spaces, markup, and addresses that are not web links.
  private static final String[] NASTY = {
    "\u0000",
    "\u0001",
    "\u0007",
    "\u001b",
    "\u007f",
    "\u0085",
    "\u00a0",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\ufffd",
    "\ufffe",
    "\uffff",
    "\ud800",
    "\udfff",
    "\ud83d\ude00",
    "\u0301",
    "\u202e",
    "\u3000",
    "\t",
    "\r",
    "\n",
    "\r\n",
    "<",
    ">",
    "&",
    "\"",
    "'",
    "\\",
    "]]>",
    "$x^2$",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<b>",
    "file:///etc/passwd",
    "//evil.example/x",
    " https://ok.example/a ",
    "http://",
    "https://[::1",
    "vbscript:x"
  };

  /** A property over inputs of type {@code T}; it throws (an assertion, a crash) when violated. */
  public interface Property<T> {
    void check(T input) throws Exception;
  }

  private Fuzz() {}

  /**
   * Checks {@code property} on {@code tries} generated inputs (unless overridden on the command
   * line); {@code bytes} turns an input into the bytes kept for a regression fixture.
   */
  public static <T> void check(
      String name,
      int tries,
      Function<Random, T> generate,
      Function<T, byte[]> bytes,
      Property<T> property) {
    long first = Long.getLong("fuzz.seed", new Random().nextLong());
    int n = Integer.getInteger("fuzz.tries", tries);
    for (int i = 0; i < n; i++) {
      long seed = first + i;
      T input;
      try {
        input = generate.apply(new Random(seed));
      } catch (RuntimeException | StackOverflowError e) {
        throw new AssertionError(name + " could not make its input for seed " + seed, e);
      }
      try {
        property.check(input);
      } catch (Throwable e) {
        throw failure(name, seed, bytes.apply(input), e);
      }
    }
  }

  /** {@code pieces} nasty characters and pieces, or any UTF-16 unit at all. */
  public static String nastyText(Random r, int pieces) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      s.append(r.nextInt(3) == 0 ? String.valueOf((char) r.nextInt(0x10000)) : pick(r, NASTY));
    }
    return s.toString();
  }

  public static String pick(Random r, String[] options) {
    return options[r.nextInt(options.length)];
  }

  private static AssertionError failure(String name, long seed, byte[] input, Throwable cause) {
    Path kept = keep(name, seed, input);
    String shown = new String(input, 0, Math.min(input.length, SHOWN), StandardCharsets.UTF_8);
    return new AssertionError(
        String.format(
            "%s failed on seed %d (rerun: -Dfuzz.seed=%d -Dfuzz.tries=1); the input (%,d bytes)"
                + " is kept in %s; it starts:%n%s",
            name, seed, seed, input.length, kept, shown),
        cause);
  }

  private static Path keep(String name, long seed, byte[] input) {
    try {
      Files.createDirectories(FAILURES);
      return Files.write(FAILURES.resolve(name + "-" + seed + ".bin"), input);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
