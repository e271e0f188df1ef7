package dev.paperboy.sources;

/** The names of the live sources, as used on the command line, in the API and in the database. */
public final class Sources {

  /** arXiv's OAI-PMH interface: the complete, incremental harvest. */
  public static final String ARXIV = "arxiv";

  /** arXiv's daily new-submissions feed per category: today's papers, early. */
  public static final String ARXIV_RSS = "arxiv-rss";

  /** Hugging Face daily papers: new papers with upvotes and comment counts. */
  public static final String HUGGING_FACE = "huggingface";

  private Sources() {}
}
