package dev.paperboy.web;

import dev.paperboy.catalog.Links;
import dev.paperboy.catalog.Paper;
import dev.paperboy.sources.Source;
import java.util.LinkedHashMap;
import java.util.Map;

/** A paper's outgoing links by label, in the order a reader wants them; only those known. */
final class PaperLinks {

  private PaperLinks() {}

  static Map<String, String> of(Paper paper) {
    Links l = paper.links();
    Map<String, String> links = new LinkedHashMap<>();
    put(links, "abstract", l.abstractPage());
    put(links, "pdf", l.pdf());
    put(links, "doi", l.doi() == null ? null : "https://doi.org/" + l.doi());
    put(links, "code", l.code());
    put(links, "project", l.project());
    if (paper.sources().contains(Source.HUGGING_FACE.id()) && paper.id().isArxiv()) {
      put(links, "huggingface", "https://huggingface.co/papers/" + paper.id().value());
    }
    return links;
  }

  private static void put(Map<String, String> links, String label, String url) {
    // Links holds http(s) addresses only, so a hostile feed's "javascript:" never gets here.
    if (url != null) {
      links.put(label, url);
    }
  }
}
