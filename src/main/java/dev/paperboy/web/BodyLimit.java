package dev.paperboy.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps every request body before it is read: a declared Content-Length over the limit is refused at
 * once, and a body without one (chunked) is counted as it is read and stops at the limit. The
 * operator import takes whole files streamed, so it has its own, much larger limit; a reader's
 * library import (a file upload, or a BibTeX/RIS/JSON body) has one of its own too, and is the one
 * address that takes multipart uploads. Form bodies are parsed by Tomcat itself and capped by
 * {@code server.tomcat.max-http-form-post-size}.
 */
final class BodyLimit extends OncePerRequestFilter {

  static final String TOO_LARGE = "the request body is larger than this address accepts";
  static final String NO_UPLOADS = "this address takes no file uploads";

  /** Where a reader's library comes in: the page's upload form and the API. */
  static final String LIBRARY_UPLOAD = "/library/import";

  static final String LIBRARY_API = "/api/library";

  /** The limits, from {@code paperboy.web.*}. */
  record Limits(DataSize body, DataSize importBody, DataSize libraryBody) {}

  /** Thrown by a read past the limit; {@link ErrorHandling} answers 413. */
  static final class TooLarge extends IOException {
    TooLarge(long limit) {
      super("request body over " + limit + " bytes");
    }
  }

  private final Limits limits;

  BodyLimit(Limits limits) {
    this.limits = limits;
  }

  long limitFor(HttpServletRequest request) {
    return switch (request.getRequestURI()) {
      case "/admin/import" -> limits.importBody().toBytes();
      case LIBRARY_UPLOAD, LIBRARY_API -> limits.libraryBody().toBytes();
      default -> limits.body().toBytes();
    };
  }

  /** Multipart bodies are parsed by the container, so only the one upload form may send one. */
  private static boolean unwantedUpload(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null
        && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")
        && !request.getRequestURI().equals(LIBRARY_UPLOAD);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = limitFor(request);
    if (request.getContentLengthLong() > limit) {
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, TOO_LARGE);
      return;
    }
    if (unwantedUpload(request)) {
      response.sendError(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, NO_UPLOADS);
      return;
    }
    chain.doFilter(new Capped(request, limit), response);
  }

  /** The request with its body counted as it is read. */
  private static final class Capped extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    Capped(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new Counting(super.getInputStream(), limit);
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      try {
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
      } catch (IllegalArgumentException e) {
        throw new UnsupportedEncodingException(encoding);
      }
    }
  }

  private static final class Counting extends ServletInputStream {
    private final ServletInputStream in;
    private final long limit;
    private long read;

    Counting(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      count(Math.max(n, 0));
      return n;
    }

    private void count(int n) throws TooLarge {
      read += n;
      if (read > limit) {
        throw new TooLarge(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
