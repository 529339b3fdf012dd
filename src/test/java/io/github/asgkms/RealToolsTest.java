package io.github.asgkms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every golden case's output, in every format whether the case declares it or not, passes the
 * real tools: HashiCorp's HCL parser and hclwrite's formatter (what {@code terraform fmt} uses)
 * for each {@code .tf}, and a strict JSON parser for each {@code .json}. The golden test proves
 * the generator writes exactly these files where a case declares the format.
 */
class RealToolsTest {
  private static final ObjectMapper STRICT_JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  @Test
  void everyGeneratedTerraformFileParsesAndIsCanonical() throws Exception {
    HclCheck.Result result = HclCheck.run(List.of(GoldenCases.everyFormat()));
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).containsPattern("hcl-check: \\d+ files parsed and canonical");
  }

  @Test
  void everyGeneratedJsonFileIsStrictJson() throws Exception {
    List<Path> files;
    try (Stream<Path> paths = Files.walk(GoldenCases.everyFormat())) {
      files = paths.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      STRICT_JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    }
  }
}
