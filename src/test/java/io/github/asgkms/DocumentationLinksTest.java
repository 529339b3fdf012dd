package io.github.asgkms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in the project's Markdown (README, CONTRIBUTING, CHANGELOG, docs/ and the
 * examples) leads to a file that exists, and every {@code #anchor} to a heading of that file,
 * with the anchors GitHub makes from headings. Links to the web are not followed.
 */
class DocumentationLinksTest {
  private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} +(.+?) *#*$");
  private static final Pattern FENCE = Pattern.compile("(?ms)^ *```.*?^ *```");

  @Test
  void everyLinkAndAnchorResolves() throws IOException {
    List<String> broken = new ArrayList<>();
    List<Path> documents = documents();
    assertThat(documents).contains(Path.of("README.md"));
    for (Path document : documents) {
      String text = FENCE.matcher(Files.readString(document)).replaceAll("");
      Matcher link = LINK.matcher(text);
      while (link.find()) {
        String target = link.group(1);
        if (target.matches("[a-z]+:.*")) {
          continue; // https:, mailto: and the like
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path resolved = file.isEmpty() ? document
            : document.toAbsolutePath().getParent().resolve(file).normalize();
        if (!Files.exists(resolved)) {
          broken.add(document + ": " + target + " (no such file)");
        } else if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
          broken.add(document + ": " + target + " (no such heading)");
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  @Test
  void anchorsAreMadeAsGitHubMakesThem() {
    assertThat(slug("Applying the output")).isEqualTo("applying-the-output");
    assertThat(slug("`asg-kms:generate`")).isEqualTo("asg-kmsgenerate");
    assertThat(slug("CLI (`grantManager: cli`)")).isEqualTo("cli-grantmanager-cli");
    assertThat(slug("What this fixes, and the evidence"))
        .isEqualTo("what-this-fixes-and-the-evidence");
  }

  private static List<Path> documents() throws IOException {
    List<Path> documents = new ArrayList<>();
    for (String top : List.of("README.md", "CONTRIBUTING.md", "CHANGELOG.md")) {
      if (Files.exists(Path.of(top))) {
        documents.add(Path.of(top));
      }
    }
    for (String folder : List.of("docs", "examples")) {
      if (Files.isDirectory(Path.of(folder))) {
        try (Stream<Path> files = Files.walk(Path.of(folder))) {
          files.filter(p -> p.toString().endsWith(".md"))
              .filter(p -> !p.toString().contains("target")).sorted().forEach(documents::add);
        }
      }
    }
    return documents;
  }

  /** The anchors of a Markdown file's headings; a repeated heading gets -1, -2 and so on. */
  private static Set<String> anchors(Path file) throws IOException {
    Set<String> anchors = new HashSet<>();
    if (!file.toString().endsWith(".md")) {
      return anchors;
    }
    Matcher heading = HEADING.matcher(FENCE.matcher(Files.readString(file)).replaceAll(""));
    while (heading.find()) {
      String slug = slug(heading.group(1));
      String unique = slug;
      for (int n = 1; !anchors.add(unique); n++) {
        unique = slug + "-" + n;
      }
    }
    return anchors;
  }

  /** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as dashes. */
  static String slug(String heading) {
    return heading.strip().toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N} _-]", "")
        .replace(' ', '-');
  }
}
