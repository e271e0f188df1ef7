package dev.paperboy.digest;

import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.TexText;
import dev.paperboy.foryou.Feedback;
import dev.paperboy.foryou.ForYou;
import dev.paperboy.runtime.SiteAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.unbescape.html.HtmlEscape;

/**
 * Renders a digest as plain text and as HTML that mail clients show well (inline styles, no images,
 * no scripts), with a visible unsubscribe link and a manage-preferences link. Math in titles and
 * abstracts is turned into Unicode text ({@link MathText}).
 */
@Component
class DigestLetter {

  static final int EXCERPT = 300;

  private final ITemplateEngine templates;
  private final Tokens tokens;
  private final SiteAddress site;
  private final Letters letters;
  private final FeedbackLinks feedback;

  DigestLetter(
      ITemplateEngine templates,
      Tokens tokens,
      SiteAddress site,
      Letters letters,
      FeedbackLinks feedback) {
    this.templates = templates;
    this.tokens = tokens;
    this.site = site;
    this.letters = letters;
    this.feedback = feedback;
  }

  /** A paper as the letter shows it, with its 👍, 👎 and "not interested" links. */
  record Item(
      String title,
      String authors,
      String excerpt,
      String reason,
      String page,
      String pdf,
      String up,
      String down,
      String notInterested) {}

  /** A section as HTML table rows and as plain text, the same for everyone who gets it. */
  record Rendered(String html, String text) {}

  /**
   * Sections already rendered in one digest run, by topic and papers, and their parts: thousands of
   * subscribers share a topic, and each gets the same section unless they already had one of its
   * papers; a For you section is a reader's own, but made of papers and reasons many readers share.
   */
  static final class Sections {
    private final Map<List<Object>, Rendered> rendered = new ConcurrentHashMap<>();
    private final Map<String, String> headings = new ConcurrentHashMap<>();

    /** By paper: the same for every reason, which stands in as {@link #why}. */
    private final Map<String, Rendered> items = new ConcurrentHashMap<>();

    private final FeedbackLinks.Placeholders links = FeedbackLinks.placeholders();

    /** Where an item's reason goes: a value of this run, which no paper's text can guess. */
    private final String why = "~why-" + FeedbackLinks.runMarker() + "~";
  }

  /** A new, empty cache of rendered sections, for one run. */
  static Sections sections() {
    return new Sections();
  }

  Outbox.Draft render(
      Subscriber s, DigestPeriod period, List<DigestComposer.Group> groups, Sections cache) {
    String base = site.base();
    String unsubscribe =
        base + "/unsubscribe?token=" + tokens.issue(Tokens.Purpose.UNSUBSCRIBE, s.id());
    String manage =
        base + "/session?token=" + tokens.issue(Tokens.Purpose.MANAGE, s.id(), s.manageSerial());
    // A reader's For you section is theirs alone: put together for them from shared parts.
    List<Rendered> sections =
        groups.stream()
            .map(
                g ->
                    !g.picks().isEmpty()
                        ? section(g, base, cache)
                        : cache.rendered.computeIfAbsent(
                            List.of(g.topic(), g.papers().stream().map(Paper::id).toList()),
                            key -> section(g, base, cache)))
            .toList();
    int count = groups.stream().mapToInt(g -> g.papers().size()).sum();
    int picked = groups.stream().mapToInt(g -> g.picks().size()).sum();
    // For you's picks are chosen for the reader, not for trending: the subject says so.
    String subject =
        picked == 0
            ? String.format(
                Locale.ROOT,
                "Paperboy: %d trending paper%s (%s)",
                count,
                count == 1 ? "" : "s",
                period.key())
            : count == picked
                ? String.format(Locale.ROOT, "Paperboy: %d for you (%s)", picked, period.key())
                : String.format(
                    Locale.ROOT,
                    "Paperboy: %d for you, %d trending (%s)",
                    picked,
                    count - picked,
                    period.key());
    // a letter with For you's picks is not only trending papers: its heading says so too
    String heading = picked == 0 ? "Trending papers for you" : "New papers for you";
    Context context = new Context(Locale.ENGLISH);
    context.setVariable("heading", heading);
    context.setVariable("sections", sections.stream().map(Rendered::html).toList());
    context.setVariable("period", period.key());
    context.setVariable("unsubscribe", unsubscribe);
    context.setVariable("manage", manage);
    FeedbackLinks.Filled links = feedback.filled(cache.links, s.id());
    String html = links.fill(templates.process("mail/digest", context));
    StringBuilder text = new StringBuilder(heading + ", " + period.key() + "\n\n");
    sections.forEach(r -> text.append(r.text()));
    text.append("--\nChange topics or schedule: ")
        .append(manage)
        .append("\nUnsubscribe: ")
        .append(unsubscribe)
        .append('\n');
    return new Outbox.Draft(
        letters.messageId("digest-" + s.id() + "-" + period.key()),
        s.email(),
        s.id(),
        "digest",
        subject,
        links.fill(text.toString()),
        html,
        unsubscribe);
  }

  /** A section: its heading and its papers, each part rendered once per run. */
  private Rendered section(DigestComposer.Group group, String base, Sections cache) {
    StringBuilder html =
        new StringBuilder(
            cache.headings.computeIfAbsent(
                group.topic(), topic -> fragment("heading", "topic", topic)));
    StringBuilder text = new StringBuilder("== " + group.topic() + " ==\n\n");
    if (group.picks().isEmpty()) {
      String why = reason(group.topic());
      group.papers().forEach(p -> add(html, text, item(p, why, base, cache)));
    } else {
      group
          .picks()
          .forEach(r -> add(html, text, item(r.paper(), reason(r.because()), base, cache)));
    }
    return new Rendered(html.toString(), text.toString());
  }

  private static void add(StringBuilder html, StringBuilder text, Rendered item) {
    html.append(item.html());
    text.append(item.text());
  }

  /** A paper with this reason: rendered once per run for every reason, the reason put in. */
  private Rendered item(Paper p, String reason, String base, Sections cache) {
    Rendered any =
        cache.items.computeIfAbsent(
            p.id().toString(),
            key -> {
              Item item = item(p, cache.why, base, cache.links);
              return new Rendered(fragment("item", "item", item), text(item));
            });
    return new Rendered(
        any.html().replace(cache.why, HtmlEscape.escapeHtml4Xml(reason)),
        any.text().replace(cache.why, reason));
  }

  private String fragment(String fragment, String name, Object value) {
    Context context = new Context(Locale.ENGLISH);
    context.setVariable(name, value);
    return templates.process("mail/digest-section", Set.of(fragment), context);
  }

  private static String reason(String topic) {
    return topic.equals(DigestComposer.EVERYTHING)
        ? "trending across the catalog"
        : "matches your topic “" + topic + "”";
  }

  private static String reason(ForYou.Because because) {
    return because.phrase() + " “" + MathText.plain(TexText.decode(because.title())) + "”";
  }

  private static Item item(Paper p, String reason, String base, FeedbackLinks.Placeholders links) {
    // Mail has no script to render math, so formulas become Unicode text before excerpting.
    String abs = MathText.plain(TexText.decode(p.abstractText()));
    String excerpt =
        abs.length() <= EXCERPT
            ? abs
            : abs.substring(
                    0, abs.lastIndexOf(' ', EXCERPT) > 0 ? abs.lastIndexOf(' ', EXCERPT) : EXCERPT)
                + " …";
    String authors =
        String.join(", ", p.authors().stream().map(a -> TexText.decode(a.name())).limit(6).toList())
            + (p.authors().size() > 6 ? " et al." : "");
    return new Item(
        MathText.plain(TexText.decode(p.title())),
        authors,
        excerpt,
        reason,
        base + "/papers/" + p.id(),
        p.links().pdf(),
        links.link(p.id().toString(), Feedback.Signal.UP),
        links.link(p.id().toString(), Feedback.Signal.DOWN),
        links.link(p.id().toString(), Feedback.Signal.NOT_INTERESTED));
  }

  /** A paper as the plain-text letter shows it. */
  static String text(Item i) {
    StringBuilder t = new StringBuilder();
    t.append("* ")
        .append(i.title())
        .append('\n')
        .append("  ")
        .append(i.authors())
        .append('\n')
        .append("  ")
        .append(i.excerpt())
        .append('\n')
        .append("  Why: ")
        .append(i.reason())
        .append('\n')
        .append("  Read: ")
        .append(i.page())
        .append('\n');
    if (i.pdf() != null) {
      t.append("  PDF: ").append(i.pdf()).append('\n');
    }
    t.append("  👍 More like this: ").append(i.up()).append('\n');
    t.append("  👎 Less like this: ").append(i.down()).append('\n');
    t.append("  Not interested: ").append(i.notInterested()).append('\n');
    t.append('\n');
    return t.toString();
  }
}
