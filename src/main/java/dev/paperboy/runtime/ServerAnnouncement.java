package dev.paperboy.runtime;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells CLI commands on this machine that a server owns the data directory, and where. */
@Component
class ServerAnnouncement {

  private final DataDirectory dir;

  ServerAnnouncement(DataDirectory dir) {
    this.dir = dir;
  }

  @EventListener
  void started(WebServerInitializedEvent event) {
    new RunningServer(ProcessHandle.current().pid(), event.getWebServer().getPort(), dir).write();
  }

  @EventListener
  void stopping(ContextClosedEvent event) {
    RunningServer.remove(dir);
  }
}
