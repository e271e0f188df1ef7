package dev.paperboy.web;

import dev.paperboy.digest.Outbox;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The local mail page, for the operator only: every message in the outbox with its state — a letter
 * opener when no SMTP server is configured, the record of deliveries and failures when one is. It
 * shows live confirmation links, so it is never public.
 */
@Controller
class MailPages {

  private final Outbox outbox;

  MailPages(Outbox outbox) {
    this.outbox = outbox;
  }

  @GetMapping("/mail")
  String list(Model model) {
    List<Outbox.Message> messages = outbox.recent(200);
    model.addAttribute("messages", messages);
    return "mail";
  }

  @GetMapping("/mail/{id}")
  String show(@PathVariable long id, Model model)
      throws org.springframework.web.servlet.resource.NoResourceFoundException {
    var message = outbox.find(id);
    if (message.isEmpty()) {
      throw new org.springframework.web.servlet.resource.NoResourceFoundException(
          org.springframework.http.HttpMethod.GET, "/mail/" + id, "mail");
    }
    model.addAttribute("m", message.get());
    return "mail-message";
  }
}
