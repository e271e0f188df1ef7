package dev.paperboy.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Browsers and feed readers ask for {@code /favicon.ico} whatever the page links; they are sent to
 * the one icon, {@code /favicon.svg}, rather than to a 404.
 */
@Controller
class Favicon {

  @GetMapping("/favicon.ico")
  ResponseEntity<Void> ico() {
    return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
        .location(URI.create("/favicon.svg"))
        .build();
  }
}
