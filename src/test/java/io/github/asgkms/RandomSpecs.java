package io.github.asgkms;

import io.github.asgkms.aws.GrantOperations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random valid specs as YAML text, in the spellings users write: quoted and unquoted account
 * IDs, plain and quoted strings, presets and lists, optional fields present or not.
 */
final class RandomSpecs {
  private static final List<String> AWS_REGIONS =
      List.of("us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2",
          "me-central-1", "il-central-1", "ca-west-1");
  private static final List<String> CN_REGIONS = List.of("cn-north-1", "cn-northwest-1");
  private static final List<String> GOV_REGIONS = List.of("us-gov-west-1", "us-gov-east-1");
  private static final String IAM_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+=,.@_-";

  private RandomSpecs() {}

  static Arbitrary<String> specs() {
    Arbitrary<String> partition = Arbitraries.of("aws", "aws-cn", "aws-us-gov");
    Arbitrary<String> account = Arbitraries.strings().numeric().ofLength(12);
    return Combinators.combine(partition, account, otherAccounts(), keyShapes(),
            optionalSuffix(), optionalOperations(), optionalRole(), Arbitraries.integers())
        .as(RandomSpecs::yaml);
  }

  private static Arbitrary<List<String>> otherAccounts() {
    return Arbitraries.strings().numeric().ofLength(12).list().ofMinSize(1).ofMaxSize(3);
  }

  /** Per key: a name, whether it is cross-account, and which optional grant fields it has. */
  record KeyShape(String name, boolean cross, String grantName, String operations, int seed) {}

  private static Arbitrary<List<KeyShape>> keyShapes() {
    Arbitrary<String> name = Combinators.combine(
            Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789").ofLength(1),
            Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-")
                .ofMinLength(0).ofMaxLength(62))
        .as(String::concat);
    Arbitrary<String> grantName = Arbitraries.strings()
        .withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789:/_-")
        .ofMinLength(1).ofMaxLength(40).injectNull(0.6);
    Arbitrary<KeyShape> shape = Combinators.combine(name, Arbitraries.of(true, false),
            grantName, optionalOperations(), Arbitraries.integers())
        .as(KeyShape::new);
    return shape.list().ofMinSize(1).ofMaxSize(6).uniqueElements(KeyShape::name);
  }

  private static Arbitrary<String> optionalSuffix() {
    return Arbitraries.strings().withChars(IAM_CHARS).ofMinLength(1).ofMaxLength(35)
        .injectNull(0.6);
  }

  private static Arbitrary<String> optionalRole() {
    return Arbitraries.strings().withChars(IAM_CHARS).ofMinLength(1).ofMaxLength(64)
        .injectNull(0.5);
  }

  /** A preset, a flow list, a block list, or nothing. */
  private static Arbitrary<String> optionalOperations() {
    Arbitrary<String> list = Arbitraries.subsetOf(GrantOperations.VALID).ofMinSize(1)
        .map(set -> "[" + String.join(", ", set.stream().sorted().toList()) + "]");
    return Arbitraries.oneOf(Arbitraries.of(GrantOperations.KNOWLEDGE_CENTER_PRESET,
        GrantOperations.USER_GUIDE_PRESET), list).injectNull(0.5);
  }

  private static String yaml(String partition, String asgAccount, List<String> others,
      List<KeyShape> keys, String suffix, String operations, String role, int seed) {
    StringBuilder out = new StringBuilder("version: 1\n");
    if (seed % 2 == 0) {
      out.append("partition: ").append(partition).append('\n');
    }
    out.append("autoScalingAccountId: ")
        .append(seed % 3 == 0 ? asgAccount : "\"" + asgAccount + "\"").append('\n');
    if (suffix != null) {
      out.append("serviceLinkedRoleSuffix: \"").append(suffix).append("\"\n");
    }
    if (operations != null) {
      out.append("grantOperations: ").append(operations).append('\n');
    }
    out.append("keys:\n");
    Set<String> keyIds = new HashSet<>();
    for (KeyShape key : keys) {
      String account = key.cross() ? others.get(Math.floorMod(key.seed(), others.size()))
          : asgAccount;
      boolean cross = !account.equals(asgAccount);
      out.append("  - name: ").append(nameScalar(key.name(), key.seed())).append('\n');
      out.append("    arn: ").append(arn(partition, account, key.seed(), keyIds)).append('\n');
      if (cross && key.grantName() != null) {
        out.append("    grantName: \"").append(key.grantName()).append("\"\n");
      }
      if (cross && key.operations() != null) {
        out.append("    grantOperations: ").append(key.operations()).append('\n');
      }
    }
    if (role != null) {
      out.append("grantCreator:\n  roleName: '").append(role).append("'\n");
    }
    return out.toString();
  }

  /** Plain when YAML keeps it a string (numbers and yes/no included), quoted otherwise. */
  private static String nameScalar(String name, int seed) {
    boolean plainIsNull = name.equalsIgnoreCase("null");
    return plainIsNull || seed % 4 == 0 ? "\"" + name + "\"" : name;
  }

  private static String arn(String partition, String account, int seed, Set<String> used) {
    List<String> regions = switch (partition) {
      case "aws-cn" -> CN_REGIONS;
      case "aws-us-gov" -> GOV_REGIONS;
      default -> AWS_REGIONS;
    };
    String region = regions.get(Math.floorMod(seed, regions.size()));
    String keyId;
    int salt = 0;
    do {
      String hex = java.util.HexFormat.of().formatHex(sha(seed + ":" + salt++)).substring(0, 32);
      keyId = seed % 5 == 0 ? "mrk-" + hex
          : hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16)
              + "-" + hex.substring(16, 20) + "-" + hex.substring(20);
    } while (!used.add(keyId));
    return "arn:" + partition + ":kms:" + region + ":" + account + ":key/" + keyId;
  }

  private static byte[] sha(String text) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Lines of a spec, for mutations. */
  static List<String> lines(String yaml) {
    return new ArrayList<>(List.of(yaml.split("\n", -1)));
  }
}
