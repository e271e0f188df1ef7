package dev.paperboy.catalog;

import java.util.List;

/**
 * Papers a writer has just committed to the catalog, published so that whoever derives data from
 * them may start on it; the search index does not need it (it follows the catalog's change feed).
 *
 * @param papers the papers whose record changed
 * @param embed whether their vectors are wanted now rather than by the background embedder
 */
public record CatalogWritten(List<PaperId> papers, boolean embed) {

  public CatalogWritten {
    papers = List.copyOf(papers);
  }
}
