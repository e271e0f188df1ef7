package dev.paperboy.cli;

import dev.paperboy.runtime.DataDirectory;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The application without its web server, for commands that own the data directory. */
record LocalContext(Class<?> application, DataDirectory dir, List<String> settings) {

  /** Starts it; {@code settings} and {@code extra} are more {@code --name=value} arguments. */
  ConfigurableApplicationContext start(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--logging.level.root=WARN",
                "--logging.level.dev.paperboy=WARN",
                // a command does its one job and stops: no source schedule, mail or embedding
                "--paperboy.sources.schedule=false",
                "--paperboy.background-jobs=false",
                // commands queue behind each other; only a server refuses to wait
                "--paperboy.wait-for-owner=true",
                "--paperboy.data-dir=" + dir.root()));
    args.addAll(settings);
    args.addAll(List.of(extra));
    return new SpringApplicationBuilder(application)
        .web(WebApplicationType.NONE)
        .logStartupInfo(false)
        .run(args.toArray(String[]::new));
  }

  /** The same, with one more {@code --name=value} argument. */
  LocalContext with(String setting) {
    List<String> more = new ArrayList<>(settings);
    more.add(setting);
    return new LocalContext(application, dir, more);
  }

  LocalContext in(DataDirectory other) {
    return new LocalContext(application, other, settings);
  }
}
