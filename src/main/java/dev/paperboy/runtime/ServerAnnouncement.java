package dev.paperboy.runtime;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells CLI commands on this machine that a server owns the data directory, and where; and tells
 * the person who started it where to open it, once it answers.
 */
@Component
class ServerAnnouncement {

  private final DataDirectory dir;
  private final PaperboySettings settings;
  private volatile int port = -1;

  ServerAnnouncement(DataDirectory dir, PaperboySettings settings) {
    this.dir = dir;
    this.settings = settings;
  }

  @EventListener
  void started(WebServerInitializedEvent event) {
    port = event.getWebServer().getPort();
    new RunningServer(ProcessHandle.current().pid(), port).write(dir);
  }

  /** Ready means answering: the web server is up and every start-up task has run. */
  @EventListener
  void ready(ApplicationReadyEvent event) {
    if (port > 0) {
      System.out.println(message(settings.publicUrl(port)));
    }
  }

  static String message(String url) {
    return "Paperboy is serving " + url + " (press Ctrl+C to stop)";
  }

  @EventListener
  void stopping(ContextClosedEvent event) {
    RunningServer.remove(dir);
  }
}
