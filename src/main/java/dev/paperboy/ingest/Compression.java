package dev.paperboy.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * How a file is packed, recognised by its magic bytes; the content inside is then recognised as
 * usual. arXiv and Kaggle files travel compressed, and they are read as they are unpacked, never
 * unpacked whole first.
 */
enum Compression {
  NONE(new byte[0]),
  GZIP(new byte[] {0x1f, (byte) 0x8b}),
  BZIP2(new byte[] {'B', 'Z', 'h'}),
  XZ(new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0});

  private static final int BUFFER = 64 * 1024;

  private final byte[] magic;

  Compression(byte[] magic) {
    this.magic = magic;
  }

  /** Looks at the first bytes without consuming them. */
  static Compression detect(BufferedInputStream in) throws IOException {
    in.mark(8);
    byte[] head = in.readNBytes(6);
    in.reset();
    for (Compression c : values()) {
      if (c != NONE
          && head.length >= c.magic.length
          && Arrays.equals(head, 0, c.magic.length, c.magic, 0, c.magic.length)) {
        return c;
      }
    }
    return NONE;
  }

  /** The unpacked content; concatenated gzip and bzip2 members are read as one stream. */
  BufferedInputStream unpack(BufferedInputStream in) throws IOException {
    return switch (this) {
      case NONE -> in;
      case GZIP -> new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
      case BZIP2 -> new BufferedInputStream(new BZip2CompressorInputStream(in, true), BUFFER);
      case XZ -> new BufferedInputStream(new XZCompressorInputStream(in, true), BUFFER);
    };
  }

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** How the report names a file: "arXiv RSS 2.0 feed", or "gzip, arXiv RSS 2.0 feed". */
  String describe(Format format) {
    return this == NONE ? format.label() : label() + ", " + format.label();
  }
}
