package io.github.asgkms.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
  private static String numbered(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i)
        .collect(Collectors.joining("\n", "", "\n"));
  }

  @Test
  void showsAChangedLineWithThreeLinesOfContext() {
    String before = numbered(1, 10);
    String after = before.replace("line 5\n", "line five\n");
    assertThat(UnifiedDiff.of(before, after, "a", "b")).isEqualTo("""
        --- a
        +++ b
        @@ -2,7 +2,7 @@
         line 2
         line 3
         line 4
        -line 5
        +line five
         line 6
         line 7
         line 8
        """);
  }

  @Test
  void separatesDistantChangesIntoHunksAndShowsAdditions() {
    String before = numbered(1, 30);
    String after = before.replace("line 2\n", "").replace("line 28\n", "line 28\nnew\n");
    assertThat(UnifiedDiff.of(before, after, "a", "b")).isEqualTo("""
        --- a
        +++ b
        @@ -1,5 +1,4 @@
         line 1
        -line 2
         line 3
         line 4
         line 5
        @@ -26,5 +25,6 @@
         line 26
         line 27
         line 28
        +new
         line 29
         line 30
        """);
  }

  @Test
  void cutsLongDiffs() {
    String diff = UnifiedDiff.of(numbered(1, 100), numbered(101, 200), "a", "b");
    assertThat(diff.lines().count()).isEqualTo(2 + 1 + UnifiedDiff.MAX_LINES + 1);
    assertThat(diff).endsWith("... (diff cut after 40 lines)\n");
  }
}
