package io.github.asgkms.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogicalIdsTest {
  /** The spec's key names. */
  private static final Pattern KEY_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  @ParameterizedTest
  @CsvSource({
      "golden-ami, GoldenAmiGrant",
      "ebs, EbsGrant",
      "ab, AbGrant",
      "a-b, ABGrant",
      "key1, Key1Grant",
      "key-1, Key1GrantDash04",
      "2024-ebs, 2024EbsGrant",
      "ebs-2024, Ebs2024GrantDash04",
      "a--b, ABGrantDash02",
      "a-, AGrantDash02",
      "a-1-2, A12GrantDash0204"})
  void camelCasesTheNameAndRecordsTheDashesItCannotShow(String name, String id) {
    assertThat(LogicalIds.grant(name)).isEqualTo(id);
  }

  /**
   * Every valid name up to five characters over an alphabet with two letters, two digits and
   * the dash (3,124 names, among them every shape of dash: before a letter, before a digit,
   * doubled, trailing) gives its own ID of letters and digits only.
   */
  @Test
  void noTwoNamesShareAnId() {
    Map<String, String> nameById = new HashMap<>();
    for (String name : names("ab01-", 5)) {
      String id = LogicalIds.grant(name);
      assertThat(id).matches("[A-Za-z0-9]+");
      String other = nameById.put(id, name);
      assertThat(other).as("%s and %s both give %s", other, name, id).isNull();
    }
    assertThat(nameById).hasSize(3124);
  }

  /** The stack writes IDs bare: what no key name holds, only a hand-made plan, is left out. */
  @Test
  void keepsLettersAndDigitsWhateverTheName() {
    assertThat(LogicalIds.grant("a\"b: c\n#")).isEqualTo("AbcGrant");
  }

  @Test
  void theLongestNamesStayWithinCloudFormationsLimit() {
    assertThat(LogicalIds.grant("a" + "-".repeat(62))).hasSizeLessThanOrEqualTo(255);
    assertThat(LogicalIds.grant("a".repeat(63))).hasSizeLessThanOrEqualTo(255);
    assertThat(LogicalIds.grant("a-1".repeat(21))).hasSizeLessThanOrEqualTo(255);
  }

  private static List<String> names(String alphabet, int maxLength) {
    List<String> names = new ArrayList<>();
    List<String> level = List.of("");
    for (int length = 1; length <= maxLength; length++) {
      List<String> next = new ArrayList<>();
      for (String prefix : level) {
        for (char c : alphabet.toCharArray()) {
          next.add(prefix + c);
        }
      }
      next.stream().filter(n -> KEY_NAME.matcher(n).matches()).forEach(names::add);
      level = next;
    }
    return names;
  }

  @ParameterizedTest
  @CsvSource({
      "asg-kms-launch-karpenter, AsgKmsLaunchKarpenterRolePolicy",
      "asg-kms-launch-karpenter-2, AsgKmsLaunchKarpenter2RolePolicyX0252D",
      "asg-kms-launch-Web_2, AsgKmsLaunchWeb2RolePolicyX0152DX016UX0195F",
      "-a, ARolePolicyX0012D",
      "_-a, ARolePolicyX0015FX0022D"})
  void camelCasesALauncherRolePolicyNameAndRecordsWhatItCannotShow(String name, String id) {
    assertThat(LogicalIds.launcherRolePolicy(name)).isEqualTo(id);
  }

  /**
   * Every IAM name up to four characters over an alphabet with a lowercase and a capital
   * letter, a digit, the dash and each other character IAM allows gives its own ID, of letters
   * and digits only, holding RolePolicy and never ending as a grant's does.
   */
  @Test
  void launcherRolePolicyIdsAreDistinctAndNeverAGrantsOrAnotherIdOfTheStack() {
    String alphabet = "aK1-_.@";
    Map<String, String> seen = new HashMap<>();
    List<String> names = new ArrayList<>(List.of(""));
    for (int length = 1; length <= 4; length++) {
      List<String> longer = new ArrayList<>();
      for (String name : names) {
        for (char c : alphabet.toCharArray()) {
          longer.add(name + c);
        }
      }
      names = longer;
      for (String name : names) {
        String id = LogicalIds.launcherRolePolicy(name);
        assertThat(id).matches("[A-Za-z0-9]+").contains("RolePolicy")
            .doesNotMatch(".*Grant(Dash[0-9]+)?");
        assertThat(seen.put(id, name)).as(id).isNull();
      }
    }
  }
}
