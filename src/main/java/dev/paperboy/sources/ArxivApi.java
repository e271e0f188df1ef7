package dev.paperboy.sources;

import dev.paperboy.ingest.Importer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Component;

/** The arXiv API ({@code /api/query}) on demand: given ids, or a search, imported at once. */
@Component
class ArxivApi {

  /** The API answers at most this many entries per request. */
  static final int PAGE = 100;

  private final SourceSettings settings;
  private final SourceHttp http;
  private final Importer importer;

  ArxivApi(SourceSettings settings, SourceHttp http, Importer importer) {
    this.settings = settings;
    this.http = http;
    this.importer = importer;
  }

  SyncReport ids(List<String> ids) {
    SyncReport.Tally tally = new SyncReport.Tally(Source.ARXIV_API);
    for (int from = 0; from < ids.size(); from += PAGE) {
      List<String> page = ids.subList(from, Math.min(ids.size(), from + PAGE));
      get("id_list=" + enc(String.join(",", page)) + "&max_results=" + page.size(), tally);
    }
    return tally.report();
  }

  SyncReport search(String query, int max) {
    SyncReport.Tally tally = new SyncReport.Tally(Source.ARXIV_API);
    get(
        "search_query="
            + enc(query)
            + "&start=0&max_results="
            + Math.min(max, PAGE)
            + "&sortBy=submittedDate&sortOrder=descending",
        tally);
    return tally.report();
  }

  private void get(String query, SyncReport.Tally tally) {
    byte[] body =
        http.get(Source.ARXIV_API, URI.create(settings.arxivApiUrl() + "?" + query), false).body();
    tally.request();
    if (Bodies.isHtml(body)) {
      throw new SourceUnavailable("the arXiv API answered with an HTML page instead of Atom");
    }
    tally.add(importer.importFile("arXiv API " + query, new ByteArrayInputStream(body)));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
