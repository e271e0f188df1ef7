package dev.paperboy.digest;

import dev.paperboy.foryou.Feedback;
import dev.paperboy.runtime.SiteAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The 👍, 👎 and "not interested" links of a digest's papers: each carries a signed token that
 * names the reader, the paper and the signal, and expires after {@link Tokens.Purpose#FEEDBACK}'s
 * month. The token is the credential, so the link works from the mail with no sign-in. A letter's
 * sections are rendered once for all their readers, so they carry placeholders (with a marker of
 * the run, which a paper's text cannot guess) that each letter fills with its own reader's tokens.
 */
@Component
public class FeedbackLinks {

  /** What a genuine feedback token says. */
  public record Claim(UUID reader, String paperId, Feedback.Signal signal) {}

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final Tokens tokens;
  private final SiteAddress site;

  FeedbackLinks(Tokens tokens, SiteAddress site) {
    this.tokens = tokens;
    this.site = site;
  }

  /** The link for this reader to give this paper this signal. */
  String link(UUID reader, String paperId, Feedback.Signal signal) {
    return link(site.base(), reader, paperId, signal);
  }

  private String link(String base, UUID reader, String paperId, Feedback.Signal signal) {
    return base
        + "/feedback?token="
        + tokens.issue(Tokens.Purpose.FEEDBACK, reader, signal.wire() + " " + paperId);
  }

  /** The reader, paper and signal of a genuine, unexpired feedback token. */
  public Optional<Claim> verify(String token) {
    return tokens
        .about(token, Tokens.Purpose.FEEDBACK)
        .flatMap(
            a -> {
              int space = a.about().indexOf(' ');
              if (space < 0) {
                return Optional.empty();
              }
              try {
                Feedback.Signal signal = Feedback.Signal.parse(a.about().substring(0, space));
                return Optional.of(new Claim(a.subject(), a.about().substring(space + 1), signal));
              } catch (RuntimeException unknownSignal) {
                return Optional.empty();
              }
            });
  }

  /**
   * A random value of one digest run, in letters and digits, that no paper's text can guess: it
   * marks the places each letter fills with its own reader's words.
   */
  static String runMarker() {
    byte[] bytes = new byte[9];
    RANDOM.nextBytes(bytes);
    return B64.encodeToString(bytes).replace('-', 'a').replace('_', 'b');
  }

  /** Placeholders for the links of one digest run, filled per letter by {@link Filled#fill}. */
  static final class Placeholders {
    private final String marker = runMarker();
    private final Pattern pattern =
        Pattern.compile("~" + marker + "~(up|down|not-interested)~([A-Za-z0-9_-]+)~");

    /** Stands for {@link #link} of whoever gets the letter. */
    String link(String paperId, Feedback.Signal signal) {
      return "~"
          + marker
          + "~"
          + signal.wire()
          + "~"
          + B64.encodeToString(paperId.getBytes(StandardCharsets.UTF_8))
          + "~";
    }
  }

  /** A new set of placeholders, for one run. */
  static Placeholders placeholders() {
    return new Placeholders();
  }

  /**
   * The links of one reader's letter: each placeholder of this run becomes the reader's own link,
   * signed once however often the letter's HTML and text carry it.
   */
  final class Filled {
    private final Placeholders placeholders;
    private final UUID reader;
    private final String base = site.base();
    private final Map<String, String> signed = new HashMap<>();

    private Filled(Placeholders placeholders, UUID reader) {
      this.placeholders = placeholders;
      this.reader = reader;
    }

    /** This part of the letter with every placeholder replaced by the reader's link. */
    String fill(String part) {
      Matcher found = placeholders.pattern.matcher(part);
      StringBuilder filled = new StringBuilder(part.length() + part.length() / 2);
      int done = 0;
      while (found.find()) {
        filled
            .append(part, done, found.start())
            .append(
                signed.computeIfAbsent(
                    found.group(),
                    placeholder ->
                        link(
                            base,
                            reader,
                            new String(
                                Base64.getUrlDecoder().decode(found.group(2)),
                                StandardCharsets.UTF_8),
                            Feedback.Signal.parse(found.group(1)))));
        done = found.end();
      }
      return filled.append(part, done, part.length()).toString();
    }
  }

  /** What fills one reader's letter with their links. */
  Filled filled(Placeholders placeholders, UUID reader) {
    return new Filled(placeholders, reader);
  }
}
