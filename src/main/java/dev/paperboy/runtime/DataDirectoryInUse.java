package dev.paperboy.runtime;

/** Another process owns the data directory; the message names it. */
public final class DataDirectoryInUse extends IllegalStateException {

  DataDirectoryInUse(String whoOwns) {
    super(whoOwns);
  }
}
