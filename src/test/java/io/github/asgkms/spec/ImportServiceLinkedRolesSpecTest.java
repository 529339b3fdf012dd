package io.github.asgkms.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * {@code importServiceLinkedRoles}: a plain YAML boolean, false unless written, located for the
 * error the cloudformation format makes of it (see BadSpecTest).
 */
class ImportServiceLinkedRolesSpecTest {
  private static final String SPEC = SpecReaderTest.minimal("\"111122223333\"");

  @Test
  void isFalseAndUnlocatedWhenAbsent() throws Exception {
    Spec spec = SpecReader.parse(SPEC, "spec.yaml");
    assertThat(spec.importServiceLinkedRoles()).isFalse();
    assertThat(spec.importServiceLinkedRolesLocation()).isEmpty();
  }

  @Test
  void readsTrueAndWhereItIsWritten() throws Exception {
    Spec spec = SpecReader.parse(SPEC + "launchers: [autoscaling, spot-fleet]\n"
        + "importServiceLinkedRoles: true\n", "spec.yaml");

    assertThat(spec.importServiceLinkedRoles()).isTrue();
    assertThat(spec.importServiceLinkedRolesLocation()).hasValueSatisfying(location -> {
      assertThat(location.mark()).isEqualTo(new Mark(7, 1));
      assertThat(location.path()).hasToString("importServiceLinkedRoles");
    });
  }

  @Test
  void goesWithCreateServiceLinkedRoleFalse() throws Exception {
    Spec spec = SpecReader.parse(SPEC + "createServiceLinkedRole: false\n"
        + "importServiceLinkedRoles: true\n", "spec.yaml");

    assertThat(spec.createServiceLinkedRole()).isFalse();
    assertThat(spec.importServiceLinkedRoles()).isTrue();
  }

  @Test
  void refusesAnythingButPlainTrueOrFalse() {
    assertThatThrownBy(() -> SpecReader.parse(SPEC + "importServiceLinkedRoles: yes\n",
        "spec.yaml")).isInstanceOf(SpecException.class).hasMessage("1 error in the spec:\n"
            + "spec.yaml:6:27: importServiceLinkedRoles: expected true or false, found 'yes'"
            + " (a string)");
  }
}
