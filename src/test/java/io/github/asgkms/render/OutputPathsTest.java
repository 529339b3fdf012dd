package io.github.asgkms.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputPathsTest {
  /**
   * The access model finds the JSON grant creator's policies by recognising their names, so
   * every name the layout gives must be recognised, and nothing else.
   */
  @Test
  void recognisesEveryCreateGrantPolicyFileItNamesAndNoOther() {
    assertThat(OutputPaths.createGrantPolicyFile(0)).isEqualTo("create-grant-policy.json");
    assertThat(OutputPaths.createGrantPolicyFile(1)).isEqualTo("create-grant-policy-2.json");
    for (int i = 0; i < 12; i++) {
      assertThat(OutputPaths.isCreateGrantPolicyFile(OutputPaths.createGrantPolicyFile(i)))
          .isTrue();
    }
    assertThat(OutputPaths.isCreateGrantPolicyFile("create-grant-policy.tf")).isFalse();
    assertThat(OutputPaths.isCreateGrantPolicyFile("create-grant-policy-.json")).isFalse();
    assertThat(OutputPaths.isCreateGrantPolicyFile("create-grant-policyXjson")).isFalse();
    assertThat(OutputPaths.isCreateGrantPolicyFile("key-policy-a.json")).isFalse();
  }

  @Test
  void anAccountFolderIsTheFormatThenTheAccount() {
    assertThat(OutputPaths.folder(Format.CLOUDFORMATION, "111122223333"))
        .isEqualTo("cloudformation/account-111122223333/");
  }
}
