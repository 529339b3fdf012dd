package io.github.asgkms;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asgkms.output.GeneratedFile;
import io.github.asgkms.output.Manifest;
import io.github.asgkms.output.WriteOptions;
import io.github.asgkms.render.Format;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two builds, real processes, generating different specs into one output directory at the
 * same moment, many times over: the lock lets one write at a time, so each round ends in
 * exactly one of the two generations, never a mix.
 */
class ConcurrentBuildsTest {
  private static final int ROUNDS = Integer.getInteger("concurrent.rounds", 20);

  @TempDir Path temp;

  private static String spec(String account, String prefix) {
    StringBuilder spec = new StringBuilder("version: 1\nautoScalingAccountId: \"" + account
        + "\"\nkeys:\n");
    for (int i = 0; i < 6; i++) {
      spec.append("  - name: ").append(prefix).append(i).append('\n')
          .append("    arn: arn:aws:kms:us-west-2:44445555666").append(i % 2)
          .append(":key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c").append(String.format("%02d", i))
          .append('\n');
    }
    return spec.append("grantCreator:\n  roleName: deployer\n").toString();
  }

  private Map<String, String> expected(Path spec) throws Exception {
    GenerateRequest request = new GenerateRequest(spec, "asg-kms.yaml",
        temp.resolve("unused"), EnumSet.of(Format.TERRAFORM, Format.JSON), null);
    List<GeneratedFile> files = Generator.render(request).files();
    Map<String, String> tree = new TreeMap<>();
    for (GeneratedFile file : files) {
      tree.put(file.path(), file.text());
    }
    // The manifest as generate writes it: with the configuration that wrote the files.
    tree.put(Manifest.FILE_NAME, WriteOptions.defaults()
        .withConfiguration(request.configuration()).manifestOf(files).text());
    return tree;
  }

  /** Every entry under {@code root}, hidden ones too: a lock or staging left over shows. */
  private static Map<String, String> everything(Path root) throws Exception {
    Map<String, String> tree = new TreeMap<>();
    try (var paths = Files.walk(root)) {
      for (Path path : paths.toList()) {
        if (Files.isRegularFile(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          tree.put(root.relativize(path).toString(), Files.readString(path));
        } else if (!Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          tree.put(root.relativize(path).toString(), "not a file");
        }
      }
    }
    return tree;
  }

  @Test
  void twoBuildsAtOnceOnOneDirectoryEndInExactlyOneGeneration() throws Exception {
    Path specA = Files.writeString(temp.resolve("a.yaml"), spec("111122223333", "alpha-"));
    Path specB = Files.writeString(temp.resolve("b.yaml"), spec("999988887777", "beta-"));
    Map<String, String> generationA = expected(specA);
    Map<String, String> generationB = expected(specB);
    Path out = temp.resolve("out");
    int endedA = 0;
    int endedB = 0;

    try (ChildJvm a = ChildJvm.start(BuildOnCue.class, specA.toString(), out.toString());
        ChildJvm b = ChildJvm.start(BuildOnCue.class, specB.toString(), out.toString())) {
      assertThat(a.readLine()).isEqualTo("ready");
      assertThat(b.readLine()).isEqualTo("ready");
      for (int round = 0; round < ROUNDS; round++) {
        a.send("go");
        b.send("go");
        assertThat(a.readLine()).as("round %d, build A", round).isEqualTo("done");
        assertThat(b.readLine()).as("round %d, build B", round).isEqualTo("done");

        Map<String, String> tree = everything(out);
        assertThat(tree).as("round %d", round).isIn(generationA, generationB);
        if (tree.equals(generationA)) {
          endedA++;
        } else {
          endedB++;
        }
      }
    }
    System.out.printf("ConcurrentBuildsTest: %d rounds, A last %d times, B last %d times%n",
        ROUNDS, endedA, endedB);
  }
}
