package io.github.asgkms.output;

import java.nio.file.Path;
import java.util.List;

/**
 * A child process for {@link CrashTest}: syncs generation B, then A, then B... into one
 * directory until it is killed. It says "ready" before its first sync.
 */
public final class SyncLoop {
  private SyncLoop() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    int folders = Integer.parseInt(args[1]);
    int perFolder = Integer.parseInt(args[2]);
    List<GeneratedFile> a = Generations.a(folders, perFolder);
    List<GeneratedFile> b = Generations.b(folders, perFolder);
    System.out.println("ready");
    System.out.flush();
    for (int i = 0; ; i++) {
      new OutputDirectory(out).sync(i % 2 == 0 ? b : a);
    }
  }
}
