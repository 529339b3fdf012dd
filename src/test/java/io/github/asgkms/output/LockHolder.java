package io.github.asgkms.output;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A child process for {@link LockTest}: another build that holds an output directory's lock
 * until it reads a line.
 */
public final class LockHolder {
  private LockHolder() {}

  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
        StandardCharsets.UTF_8));
    try (DirectoryLock lock = DirectoryLock.acquire(Path.of(args[0]), Duration.ofSeconds(30),
        WriteOptions.Notices.NONE)) {
      System.out.println("locked");
      System.out.flush();
      in.readLine();
    }
    System.out.println("released");
    System.out.flush();
  }
}
