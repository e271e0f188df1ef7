package dev.paperboy.web;

import dev.paperboy.digest.Subscriber;
import dev.paperboy.library.Library;
import dev.paperboy.library.LibraryImport;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/library}: adds a JSON {@code {"ids": [...]}} or a BibTeX, RIS or CSL-JSON body
 * to the library of the reader (signed in, or named by a personal API token) and says what became
 * of each entry.
 */
@RestController
class LibraryApi {

  private final Library library;
  private final Readers readers;

  LibraryApi(Library library, Readers readers) {
    this.library = library;
    this.readers = readers;
  }

  /**
   * The body is read raw, not bound: a form-encoded body (what {@code curl -d} sends) must reach
   * the format's reader as sent, not as Spring would rebuild it from parameters.
   */
  @PostMapping(BodyLimit.LIBRARY_API)
  LibraryImport add(HttpServletRequest request) throws IOException {
    Subscriber reader = readers.required(request);
    byte[] body = request.getInputStream().readAllBytes();
    return library.importLibrary(reader.id(), request.getContentType(), body);
  }
}
