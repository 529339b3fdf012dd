package io.github.asgkms.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code createServiceLinkedRole}: a plain YAML boolean, false unless written. */
class CreateServiceLinkedRoleSpecTest {
  private static final String SPEC = """
      version: 1
      autoScalingAccountId: "111122223333"
      keys:
        - name: ebs
          arn: arn:aws:kms:us-west-2:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d
      """;

  @Test
  void isFalseWhenAbsent() throws Exception {
    assertThat(SpecReader.parse(SPEC, "spec.yaml").createServiceLinkedRole()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"true, true", "false, false"})
  void readsPlainTrueAndFalse(String written, boolean expected) throws Exception {
    Spec spec = SpecReader.parse(SPEC + "createServiceLinkedRole: " + written + "\n", "spec.yaml");
    assertThat(spec.createServiceLinkedRole()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "yes     | 'yes' (a string)",
      "on      | 'on' (a string)",
      "\"true\" | 'true' (a string)",
      "True    | 'True' (a boolean)",
      "1       | '1' (a number)",
      "[true]  | a list",
      "~       | null"})
  void refusesAnythingButPlainTrueOrFalseWithItsPlace(String written, String found) {
    String yaml = SPEC + "createServiceLinkedRole: " + written + "\n";

    assertThatThrownBy(() -> SpecReader.parse(yaml, "spec.yaml"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("spec.yaml:6:26: createServiceLinkedRole: expected true or false,"
            + " found " + found);
  }

  @Test
  void aMisspeltNameIsSuggested() {
    assertThatThrownBy(() -> SpecReader.parse(SPEC + "createServiceLinkRole: true\n", "spec.yaml"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("did you mean 'createServiceLinkedRole'?");
  }
}
