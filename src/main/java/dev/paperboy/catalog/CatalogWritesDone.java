package dev.paperboy.catalog;

/**
 * A writer (an import, a sync) has finished and committed: published before it returns, so that
 * this process's derived data (the search index) can catch up and its caller reads its own writes.
 *
 * @param embedded whether the writer asked for vectors as it went ({@link CatalogWritten#embed})
 */
public record CatalogWritesDone(boolean embedded) {}
