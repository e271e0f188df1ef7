package dev.paperboy.digest;

import dev.paperboy.foryou.Feedback;
import dev.paperboy.runtime.SiteAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
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
    return site.base()
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

  /** Placeholders for the links of one digest run, filled per letter by {@link #fill}. */
  static final class Placeholders {
    private final String marker = nonce();
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

    private static String nonce() {
      byte[] bytes = new byte[9];
      RANDOM.nextBytes(bytes);
      return B64.encodeToString(bytes).replace('-', 'a').replace('_', 'b');
    }
  }

  /** A new set of placeholders, for one run. */
  static Placeholders placeholders() {
    return new Placeholders();
  }

  /** The letter with every placeholder of this run replaced by the reader's own link. */
  String fill(String letter, Placeholders placeholders, UUID reader) {
    Matcher m = placeholders.pattern.matcher(letter);
    return m.replaceAll(
        found ->
            Matcher.quoteReplacement(
                link(
                    reader,
                    new String(
                        Base64.getUrlDecoder().decode(found.group(2)), StandardCharsets.UTF_8),
                    Feedback.Signal.parse(found.group(1)))));
  }
}
