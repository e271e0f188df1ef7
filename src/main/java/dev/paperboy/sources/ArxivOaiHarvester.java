package dev.paperboy.sources;

import dev.paperboy.ingest.ImportReport;
import dev.paperboy.ingest.Importer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Incremental OAI-PMH harvest of arXiv: whole days only ({@code until} is yesterday), from the day
 * after the last complete harvest, one set per category group, following resumption tokens to the
 * end of the list. Each page is imported as it arrives and the next token saved, so a failure on
 * page 7 keeps pages 1–6 and the next run resumes at page 7.
 */
@Component
class ArxivOaiHarvester {

  /** A first harvest looks back this many days. */
  static final int FIRST_DAYS = 3;

  private final SourceSettings settings;
  private final SourceHttp http;
  private final SourceStates states;
  private final Importer importer;
  private final Clock clock;

  ArxivOaiHarvester(
      SourceSettings settings,
      SourceHttp http,
      SourceStates states,
      Importer importer,
      Clock clock) {
    this.settings = settings;
    this.http = http;
    this.states = states;
    this.importer = importer;
    this.clock = clock;
  }

  SyncReport run() {
    SyncReport.Tally tally = new SyncReport.Tally(Source.ARXIV);
    SourceStates.State state = states.get(Source.ARXIV.id());
    LocalDate until = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1);
    LocalDate from =
        state.harvestedUntil() == null
            ? until.minusDays(FIRST_DAYS - 1)
            : state.harvestedUntil().plusDays(1);
    if (state.resumptionToken() != null && state.resumptionFrom() != null) {
      from = state.resumptionFrom();
    }
    if (from.isAfter(until)) {
      tally.note("up to date: harvested through " + state.harvestedUntil());
      return tally.report();
    }
    for (String set : sets(settings.categories())) {
      harvest(set, from, until, state, tally);
    }
    states.harvested(Source.ARXIV.id(), until);
    tally.note("harvested " + from + " to " + until);
    return tally.report();
  }

  private void harvest(
      String set,
      LocalDate from,
      LocalDate until,
      SourceStates.State state,
      SyncReport.Tally tally) {
    String token = resumable(state, set);
    int page = 0;
    while (true) {
      page++;
      URI uri = token != null ? resume(token) : first(set, from, until);
      byte[] body = http.get(Source.ARXIV, uri, false).body();
      tally.request();
      if (Bodies.isHtml(body)) {
        throw new SourceUnavailable("arXiv OAI-PMH answered with an HTML page instead of XML");
      }
      Bodies.OaiPage oai = Bodies.oai(body);
      if ("noRecordsMatch".equals(oai.errorCode())) {
        tally.note("set " + set + ": no records from " + from + " to " + until);
        return;
      }
      if ("badResumptionToken".equals(oai.errorCode()) && token != null) {
        tally.note("set " + set + ": the resumption token expired; starting the list again");
        token = null;
        states.resumeAt(Source.ARXIV.id(), null, null);
        continue;
      }
      if (oai.errorCode() != null) {
        throw new SourceUnavailable("OAI-PMH error " + oai.errorCode() + ": " + oai.errorMessage());
      }
      ImportReport report =
          importer.importFile(
              "arXiv OAI-PMH set " + set + " page " + page, new ByteArrayInputStream(body));
      tally.add(report);
      if (!report.complete()) {
        throw new SourceUnavailable(
            "page "
                + page
                + " of set "
                + set
                + " was cut short or"
                + " malformed; its whole records were kept and the next run asks for it again");
      }
      if (oai.token() == null) {
        return;
      }
      token = oai.token();
      states.resumeAt(Source.ARXIV.id(), set + "|" + token, from);
    }
  }

  /** The saved token, if it belongs to this set. */
  private static String resumable(SourceStates.State state, String set) {
    String saved = state.resumptionToken();
    return saved != null && saved.startsWith(set + "|") ? saved.substring(set.length() + 1) : null;
  }

  private URI first(String set, LocalDate from, LocalDate until) {
    return URI.create(
        settings.arxivOaiUrl()
            + "?verb=ListRecords&metadataPrefix=arXiv"
            + "&set="
            + enc(set)
            + "&from="
            + from
            + "&until="
            + until);
  }

  private URI resume(String token) {
    return URI.create(settings.arxivOaiUrl() + "?verb=ListRecords&resumptionToken=" + enc(token));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /**
   * OAI-PMH sets are category groups: cs.CL and cs.LG are both in set {@code cs}; physics archives
   * sit one level down ({@code physics:hep-th}).
   */
  static List<String> sets(List<String> categories) {
    Set<String> sets = new LinkedHashSet<>();
    for (String category : categories) {
      String archive =
          category.contains(".") && !category.startsWith("physics.")
              ? category.substring(0, category.indexOf('.'))
              : category.replaceFirst("\\..*", "");
      sets.add(PHYSICS.contains(archive) ? "physics:" + archive : archive);
    }
    return List.copyOf(sets);
  }

  private static final Set<String> PHYSICS =
      Set.of(
          "astro-ph",
          "cond-mat",
          "gr-qc",
          "hep-ex",
          "hep-lat",
          "hep-ph",
          "hep-th",
          "math-ph",
          "nlin",
          "nucl-ex",
          "nucl-th",
          "physics",
          "quant-ph");
}
