package dev.paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;

class CompressionTest {

  interface Packer {
    OutputStream wrap(OutputStream out) throws IOException;
  }

  static byte[] fixture(String name) throws IOException {
    try (InputStream in = CompressionTest.class.getResourceAsStream("/fixtures/" + name)) {
      return in.readAllBytes();
    }
  }

  static byte[] packed(byte[] content, Packer packer) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = packer.wrap(bytes)) {
      out.write(content);
    }
    return bytes.toByteArray();
  }

  private static String unpackAndDetect(byte[] bytes) throws IOException {
    BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(bytes));
    Compression packing = Compression.detect(in);
    return packing.describe(Format.detect(packing.unpack(in)));
  }

  @Test
  void gzipBzip2AndXzAreRecognisedByMagicBytesAndTheirContentAsUsual() throws IOException {
    byte[] rss = fixture("arxiv-announce.rss");
    assertThat(unpackAndDetect(packed(rss, GZIPOutputStream::new)))
        .isEqualTo("gzip, arXiv RSS 2.0 feed");
    assertThat(
            unpackAndDetect(
                packed(fixture("arxiv-snapshot.jsonl"), BZip2CompressorOutputStream::new)))
        .isEqualTo("bzip2, arXiv metadata snapshot (Kaggle)");
    assertThat(unpackAndDetect(packed(fixture("oai-dc.xml"), XZCompressorOutputStream::new)))
        .isEqualTo("xz, OAI-PMH ListRecords");
    assertThat(unpackAndDetect(rss)).isEqualTo("arXiv RSS 2.0 feed");
  }

  @Test
  void theUnpackedContentIsParsedWhole() throws IOException {
    BufferedInputStream in =
        new BufferedInputStream(
            new ByteArrayInputStream(packed(fixture("arxiv-announce.rss"), GZIPOutputStream::new)));
    CollectingSink sink =
        CollectingSink.parse(new ArxivRssParser(), Compression.detect(in).unpack(in));
    assertThat(sink.papers).hasSize(4);
  }
}
