package dev.paperboy.ingest;

import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.Signal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Records what a parser emits, for assertions. */
final class CollectingSink implements RecordSink {

  final List<Paper> papers = new ArrayList<>();
  final List<Signal> signals = new ArrayList<>();
  final List<String> positions = new ArrayList<>();
  final List<String> rejections = new ArrayList<>();
  final List<String> notes = new ArrayList<>();

  static CollectingSink parse(FeedParser parser, String fixture) {
    try (InputStream in = CollectingSink.class.getResourceAsStream("/fixtures/" + fixture)) {
      return parse(parser, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CollectingSink parse(FeedParser parser, InputStream in) {
    CollectingSink sink = new CollectingSink();
    try {
      parser.parse(in, sink);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sink;
  }

  @Override
  public void accept(String position, Paper paper, List<Signal> signals) {
    positions.add(position);
    papers.add(paper);
    this.signals.addAll(signals);
  }

  @Override
  public void reject(String position, String reason) {
    rejections.add(position + ": " + reason);
  }

  @Override
  public void note(String message) {
    notes.add(message);
  }
}
