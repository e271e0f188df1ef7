package dev.paperboy.sources;

/**
 * A source asked to run is running already, here or on another instance: nothing failed, and asking
 * again once it finishes will work.
 */
public final class SourceBusy extends RuntimeException {

  SourceBusy(Source source) {
    super(source + " is already running; try again when it has finished");
  }
}
