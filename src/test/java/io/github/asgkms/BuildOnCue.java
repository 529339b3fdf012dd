package io.github.asgkms;

import io.github.asgkms.render.Format;
import java.nio.file.Path;
import java.util.EnumSet;

/**
 * A child process for {@link ConcurrentBuildsTest}: a build that generates its spec into an
 * output directory each time it reads "go", and answers "done" or "failed: " and why.
 */
public final class BuildOnCue {
  private BuildOnCue() {}

  public static void main(String[] args) throws Exception {
    GenerateRequest request = new GenerateRequest(Path.of(args[0]), "asg-kms.yaml",
        Path.of(args[1]), EnumSet.of(Format.TERRAFORM, Format.JSON), null);
    java.io.BufferedReader in = new java.io.BufferedReader(
        new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
    System.out.println("ready");
    System.out.flush();
    while ("go".equals(in.readLine())) {
      try {
        Generator.generate(request);
        System.out.println("done");
      } catch (Exception e) {
        System.out.println("failed: " + e.getMessage().replace('\n', ' '));
      }
      System.out.flush();
    }
  }
}
