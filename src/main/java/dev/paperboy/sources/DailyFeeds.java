package dev.paperboy.sources;

import dev.paperboy.ingest.ImportReport;
import dev.paperboy.ingest.Importer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

/**
 * The two daily sources: arXiv's new-submissions feed per category (today's papers, before the
 * OAI-PMH harvest has them) and Hugging Face daily papers (with upvotes and comments). Both are
 * fetched with conditional GET, so an unchanged feed costs one small answer.
 */
@Component
class DailyFeeds {

  private final SourceSettings settings;
  private final SourceHttp http;
  private final Importer importer;
  private final Clock clock;

  DailyFeeds(SourceSettings settings, SourceHttp http, Importer importer, Clock clock) {
    this.settings = settings;
    this.http = http;
    this.importer = importer;
    this.clock = clock;
  }

  SyncReport arxivRss() {
    SyncReport.Tally tally = new SyncReport.Tally(Source.ARXIV_RSS);
    for (String category : settings.categories()) {
      fetch(
          Source.ARXIV_RSS,
          URI.create(settings.arxivRssUrl() + "/" + category),
          "arXiv feed " + category,
          tally);
    }
    return tally.report();
  }

  SyncReport huggingFace() {
    SyncReport.Tally tally = new SyncReport.Tally(Source.HUGGING_FACE);
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    fetch(
        Source.HUGGING_FACE,
        URI.create(settings.hfApiUrl() + "/daily_papers?date=" + today),
        "Hugging Face daily papers " + today,
        tally);
    return tally.report();
  }

  private void fetch(Source source, URI uri, String name, SyncReport.Tally tally) {
    SourceHttp.Response response = http.get(source, uri, true);
    tally.request();
    if (response.notModified()) {
      tally.note(name + ": not modified since the last run");
      return;
    }
    if (Bodies.isHtml(response.body())) {
      throw new SourceUnavailable(name + ": the server answered with an HTML page, not a feed");
    }
    ImportReport report = importer.importFile(name, new ByteArrayInputStream(response.body()));
    tally.add(report);
    if (!report.complete()) {
      throw new SourceUnavailable(
          name
              + ": the answer was malformed or cut short ("
              + report.rejections().get(report.rejections().size() - 1).reason()
              + ")");
    }
  }
}
