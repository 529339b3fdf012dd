package io.github.asgkms.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EscapesTest {
  @Test
  void hclDoublesTemplateSequencesAndEscapesQuotes() {
    assertThat(Escapes.hcl("a\"b\\c")).isEqualTo("a\\\"b\\\\c");
    assertThat(Escapes.hcl("${file(\"/etc/passwd\")}")).isEqualTo("$${file(\\\"/etc/passwd\\\")}");
    assertThat(Escapes.hcl("%{ if true }x%{ endif }")).isEqualTo("%%{ if true }x%%{ endif }");
    assertThat(Escapes.hcl("$${")).isEqualTo("$$${");
    assertThat(Escapes.hcl("$ and % alone")).isEqualTo("$ and % alone");
    assertThat(Escapes.hcl("a\nb\r\tc\u0001")).isEqualTo("a\\nb\\r\\tc\\u0001");
  }

  @Test
  void jsonEscapesControlCharactersAndQuotes() {
    assertThat(Escapes.json("\"\\\n\b\f\u001f")).isEqualTo("\\\"\\\\\\n\\b\\f\\u001F");
    assertThat(Escapes.json("${x} é")).isEqualTo("${x} é");
  }

  @Test
  void yamlEscapesLineBreaksYamlKnows() {
    assertThat(Escapes.yaml("a\"b\\c\u2028\u0085")).isEqualTo("a\\\"b\\\\c\\u2028\\u0085");
  }

  @Test
  void shellLeavesSafeWordsBareAndQuotesTheRest() {
    assertThat(Escapes.shell("arn:aws:kms:us-west-2:444455556666:key/1a2b"))
        .isEqualTo("arn:aws:kms:us-west-2:444455556666:key/1a2b");
    assertThat(Escapes.shell("a b")).isEqualTo("'a b'");
    assertThat(Escapes.shell("it's $(rm -rf /)")).isEqualTo("'it'\\''s $(rm -rf /)'");
    assertThat(Escapes.shell("")).isEqualTo("''");
    assertThat(Escapes.shell("*")).isEqualTo("'*'");
  }

  @Test
  void aValueThatNeedsNothingIsReturnedAsItIs() {
    String arn = "arn:aws:kms:us-west-2:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d";
    assertThat(Escapes.hcl(arn)).isSameAs(arn);
    assertThat(Escapes.json(arn)).isSameAs(arn);
    assertThat(Escapes.yaml(arn)).isSameAs(arn);
    assertThat(Escapes.shell(arn)).isSameAs(arn);
    assertThat(Escapes.json("ab\"c")).isEqualTo("ab\\\"c");
    assertThat(Escapes.hcl("ab${")).isEqualTo("ab$${");
  }

  @Test
  void loneSurrogatesBecomeTheReplacementCharacter() {
    assertThat(Escapes.json("a\uD800b")).isEqualTo("a\uFFFDb");
    assertThat(Escapes.hcl("\uD83D\uDE00")).isEqualTo("\uD83D\uDE00");
  }
}
