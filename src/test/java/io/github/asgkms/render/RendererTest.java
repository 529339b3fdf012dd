package io.github.asgkms.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asgkms.output.GeneratedFile;
import io.github.asgkms.plan.Plan;
import io.github.asgkms.plan.Planner;
import io.github.asgkms.spec.SpecReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A large plan renders on several threads exactly as on one, errors included. */
class RendererTest {
  private static final Set<Format> ALL = EnumSet.allOf(Format.class);
  /** Enough keys for several batches on every thread. */
  private static final Plan LARGE = plan(600);

  @TempDir Path templates;

  private static Plan plan(int keys) {
    StringBuilder spec = new StringBuilder("version: 1\nautoScalingAccountId: \"111122223333\"\n"
        + "grantCreator:\n  roleName: deployer\nkeys:\n");
    for (int i = 0; i < keys; i++) {
      String account = i % 2 == 0 ? "111122223333" : "44445555" + (6000 + i % 7);
      spec.append("  - name: k").append(i).append("\n    arn: arn:aws:kms:us-west-2:")
          .append(account).append(":key/").append(String.format("%08x", i))
          .append("-5e6f-1a2b-3c4d-5e6f1a2b3c4d\n");
    }
    try {
      return Planner.plan(SpecReader.parse(spec.toString(), "spec.yaml"), "spec.yaml");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void manyThreadsGiveTheFilesOfOne() throws Exception {
    TemplateEngine engine = new TemplateEngine(null);
    List<GeneratedFile> one = new Renderer(engine, 1).render(LARGE, ALL);
    List<GeneratedFile> many = new Renderer(engine, 4).render(LARGE, ALL);

    assertThat(one).hasSizeGreaterThan(4 * ParallelRender.BATCH);
    assertThat(texts(many)).containsExactlyEntriesOf(texts(one));
  }

  /** Path to text, in the renderer's order. */
  private static Map<String, String> texts(List<GeneratedFile> files) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (GeneratedFile file : files) {
      texts.put(file.path(), new String(file.content(), StandardCharsets.UTF_8));
    }
    return texts;
  }

  @RepeatedTest(5)
  void theErrorIsThatOfTheFirstFailingFileAsOnOneThread() throws Exception {
    // Grants of k1, k3, k5 ...: the templates fail on k301 and on every grant after k501.
    Path terraform = Files.createDirectories(templates.resolve("terraform"));
    Files.writeString(terraform.resolve("grant.tf.ftl"), """
        [#ftl]
        [#assign n = grant.keyName?remove_beginning("k")?number]
        [#if n == 301 || n > 501][#stop "no grant for " + grant.keyName][/#if]
        [=grant.name]
        """);
    TemplateEngine engine = new TemplateEngine(templates);

    String onOne = failure(new Renderer(engine, 1));
    assertThat(onOne).startsWith("template terraform/grant.tf.ftl failed: no grant for k301\n");
    assertThat(failure(new Renderer(engine, 4))).isEqualTo(onOne);
  }

  @Test
  void atLeastOneThread() {
    assertThatThrownBy(() -> new Renderer(new TemplateEngine(null), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threads must be at least 1, not 0");
  }

  private static String failure(Renderer renderer) {
    try {
      renderer.render(LARGE, EnumSet.of(Format.TERRAFORM));
    } catch (RenderException e) {
      return e.getMessage();
    }
    throw new AssertionError("the template did not fail");
  }
}
