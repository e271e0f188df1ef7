package dev.paperboy.ingest;

import java.io.IOException;
import java.io.InputStream;

/** Reads one file format record by record; a bad record is rejected, the rest still flow. */
interface FeedParser {

  void parse(InputStream in, RecordSink sink) throws IOException;
}
