package dev.paperboy.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The exclusive right to the data directory's database and index. Exactly one process holds it: a
 * server, or a command such as {@code import} running while no server is up; everyone else asks the
 * server over HTTP, so two processes never fight over the embedded database.
 */
public final class Owner implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private Owner(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes ownership if nobody holds it; empty when another process does. */
  public static Optional<Owner> tryAcquire(DataDirectory dir) {
    FileChannel channel = open(dir);
    try {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        return Optional.empty();
      }
      return Optional.of(new Owner(channel, lock).signed());
    } catch (IOException | OverlappingFileLockException e) {
      closeQuietly(channel);
      return Optional.empty();
    }
  }

  /** Waits until the current owner lets go, then takes ownership. */
  public static Owner acquire(DataDirectory dir) {
    FileChannel channel = open(dir);
    try {
      return new Owner(channel, channel.lock()).signed();
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("cannot lock " + dir.lockFile(), e);
    }
  }

  /**
   * Who holds the data directory, in words for a message: the server and its address when it is
   * one, else the process id written into the lock file by the holder.
   */
  public static String whoOwns(DataDirectory dir) {
    Optional<RunningServer> server = RunningServer.find(dir);
    if (server.isPresent()) {
      return String.format(
          "a Paperboy server (pid %d, port %d) is serving the data directory %s",
          server.get().pid(), server.get().port(), dir.root());
    }
    return holder(dir)
            .map(pid -> "another Paperboy process (pid " + pid + ") is using the data directory ")
            .orElse("another process is using the data directory ")
        + dir.root();
  }

  /** The live process whose id the lock file holds. */
  private static Optional<Long> holder(DataDirectory dir) {
    try {
      long pid = Long.parseLong(Files.readString(dir.lockFile()).strip());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Writes this process's id into the lock file, so that whoever finds it locked can name us. */
  private Owner signed() throws IOException {
    channel.truncate(0);
    channel.write(
        ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
        0);
    return this;
  }

  private static FileChannel open(DataDirectory dir) {
    try {
      dir.create();
      return FileChannel.open(dir.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + dir.lockFile(), e);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing held, nothing to release
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
