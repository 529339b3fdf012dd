package io.github.asgkms.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schema shipped for editors and the field table of docs/spec.md are made from the
 * declarations in {@link Spec} and {@link KeySpec}: names, required, patterns, allowed values,
 * defaults and documentation. This test makes both and fails when a committed file differs;
 * run with {@code -Dgolden.update=true} to rewrite them, then review the diff.
 */
class SpecDeclarationsTest {
  private static final Path SCHEMA =
      Path.of("src/main/resources/schema/asg-kms-spec-v1.schema.json");
  private static final Path DOCS = Path.of("docs/spec.md");
  private static final String TABLE_HEADER = "| Field | Required | Default | Meaning and rules |";

  @Test
  void theCommittedSchemaIsMadeFromTheDeclarations() throws Exception {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("$schema", "http://json-schema.org/draft-07/schema#");
    schema.put("title", "asg-kms-maven-plugin spec, version 1");
    schema.put("description", "Keys whose policies, grants and IAM policies let EC2 Auto"
        + " Scaling, and the other launchers, use them. The plugin checks more than this"
        + " schema can: unique names and ARNs, one partition for all ARNs, grant settings"
        + " only on keys in another account, launcher roles of the Auto Scaling account, each"
        + " launcher once, replicas of multi-Region keys only, and names and grant names that"
        + " stay apart and fit.");
    schema.putAll(Types.objectSchema(Spec.FIELDS));
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    printer.indentArraysWith(new DefaultIndenter("  ", "\n"));
    printer.indentObjectsWith(new DefaultIndenter("  ", "\n"));
    String made = new ObjectMapper().writer(printer).writeValueAsString(schema) + "\n";
    update(SCHEMA, made);
    assertThat(Files.readString(SCHEMA, StandardCharsets.UTF_8))
        .as(SCHEMA + "; rewrite with -Dgolden.update=true").isEqualTo(made);
  }

  @Test
  void theFieldTableOfTheDocsIsMadeFromTheDeclarations() throws Exception {
    String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
    int start = docs.indexOf(TABLE_HEADER);
    assertThat(start).as(DOCS + " has the field table").isNotNegative();
    int end = docs.indexOf("\n\n", start) + 1;
    StringBuilder table = new StringBuilder(TABLE_HEADER).append("\n|---|---|---|---|\n");
    rows(Spec.FIELDS, "", table);
    String made = docs.substring(0, start) + table + docs.substring(end);
    update(DOCS, made);
    assertThat(Files.readString(DOCS, StandardCharsets.UTF_8)).as(DOCS + "; rewrite with -Dgolden.update=true").isEqualTo(made);
  }

  /** The example above the table writes every field, so that a reader sees where it goes. */
  @Test
  void theExampleOfTheDocsWritesEveryField() throws Exception {
    String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
    String example = docs.substring(docs.indexOf("```yaml\nversion: 1"));
    example = example.substring(0, example.indexOf("\n```\n"));
    List<String> missing = new ArrayList<>();
    names(Spec.FIELDS, missing, example);
    assertThat(missing).as("fields missing from the example of " + DOCS).isEmpty();
  }

  private static void names(FieldSet fields, List<String> missing, String example) {
    for (Field<?> field : fields.fields()) {
      if (!example.contains(field.name() + ":")) {
        missing.add(field.name());
      }
      field.type().members().ifPresent(members -> names(members, missing, example));
    }
  }

  private static void rows(FieldSet fields, String prefix, StringBuilder table) {
    for (Field<?> field : fields.fields()) {
      table.append("| `").append(prefix).append(field.name()).append("` | ")
          .append(field.required() ? "yes" : "no").append(" | ")
          .append(defaultOf(field).map(value -> "`" + value + "`").orElse("")).append(" | ")
          .append(field.reference().replace("|", "\\|")).append(" |\n");
      Optional<FieldSet> members = field.type().members();
      if (members.isPresent()) {
        rows(members.get(), prefix + field.type().memberPrefix(field.name()), table);
      }
    }
  }

  private static <T> Optional<Object> defaultOf(Field<T> field) {
    return field.defaultValue().flatMap(field.type()::json);
  }

  private static void update(Path file, String text) throws Exception {
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    }
  }
}
