package dev.paperboy;

import dev.paperboy.cli.Cli;
import dev.paperboy.runtime.DataDirectory;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Paperboy: a self-hosted research-paper radar. One jar; the first argument picks the command. */
@SpringBootApplication
public class PaperboyApplication {

  public static void main(String[] args) {
    int status =
        new Cli(System.out, System.err, PaperboyApplication.class, DataDirectory.fromEnvironment())
            .run(args);
    if (status != Cli.KEEP_RUNNING) {
      System.exit(status);
    }
  }
}
