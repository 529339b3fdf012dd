package io.github.asgkms.render;

import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import io.github.asgkms.text.Numbering;
import java.util.List;
import java.util.Locale;

/**
 * The naming rules that Java needs too, as functions every template reaches through
 * {@code names}, so that each rule is written once:
 *
 * <ul>
 *   <li>{@code names.numbered(first, index, separator)}: the name at {@code index} (from 0) of
 *       a numbered series, as {@link Numbering} gives it to IAM policies and their files;
 *   <li>{@code names.grant(grant)}: what a grant's files and resources are named after, its
 *       key's plan name and, but for Auto Scaling, its launcher ({@link OutputPaths#grantBase(String, String)});
 *   <li>{@code names.grantLogicalId(grant)}: a grant's CloudFormation logical ID, from that
 *       name ({@link LogicalIds});
 *   <li>{@code names.launcherRolePolicyLogicalId(policy)}: the CloudFormation logical ID of a
 *       launcher role's IAM policy, from its name ({@link LogicalIds#launcherRolePolicy});
 *   <li>{@code names.identifier(text)}: the text as a Terraform identifier, one-to-one
 *       ({@link #identifier}), for names such as an IAM policy's that hold more than
 *       {@code [a-z0-9-]}.
 * </ul>
 */
final class TemplateNames implements TemplateHashModel {
  /** The name templates know it by. */
  static final String VARIABLE = "names";
  static final TemplateNames INSTANCE = new TemplateNames();

  private static final TemplateMethodModelEx NUMBERED = arguments -> {
    expect(arguments, 3, "numbered(first, index, separator)");
    return Numbering.nth(text(arguments.get(0), "first"), number(arguments.get(1), "index"),
        text(arguments.get(2), "separator"));
  };

  private static final TemplateMethodModelEx GRANT = arguments ->
      grantBase(arguments, "grant(grant)");

  private static final TemplateMethodModelEx GRANT_LOGICAL_ID = arguments ->
      LogicalIds.grant(grantBase(arguments, "grantLogicalId(grant)"));

  private static final TemplateMethodModelEx LAUNCHER_ROLE_POLICY_LOGICAL_ID = arguments -> {
    expect(arguments, 1, "launcherRolePolicyLogicalId(policy)");
    if (!(arguments.get(0) instanceof TemplateHashModel policy)) {
      throw new TemplateModelException("launcherRolePolicyLogicalId(policy) takes a policy");
    }
    return LogicalIds.launcherRolePolicy(text(policy.get("name"), "policy.name"));
  };

  private static final TemplateMethodModelEx IDENTIFIER = arguments -> {
    expect(arguments, 1, "identifier(text)");
    return identifier(text(arguments.get(0), "text"));
  };

  private TemplateNames() {}

  @Override
  public TemplateModel get(String key) {
    return switch (key) {
      case "numbered" -> NUMBERED;
      case "grant" -> GRANT;
      case "grantLogicalId" -> GRANT_LOGICAL_ID;
      case "launcherRolePolicyLogicalId" -> LAUNCHER_ROLE_POLICY_LOGICAL_ID;
      case "identifier" -> IDENTIFIER;
      default -> null;
    };
  }

  @Override
  public boolean isEmpty() {
    return false;
  }

  /**
   * A Terraform identifier for {@code text}, different for different texts: ASCII letters and
   * digits as they are, a dash as an underscore, and any other character as a dash and its
   * code in lowercase hex, two digits, or {@code u} and four beyond {@code ff} ({@code _} gives
   * {@code -5f}, {@code .} gives {@code -2e}). Only an escape writes a dash, and {@code u} is
   * no hex digit, so the text can be read back: no two texts give one identifier. Terraform
   * allows letters, digits, underscores and dashes after the first character, which the
   * caller's prefix gives.
   */
  static String identifier(String text) {
    StringBuilder id = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
        id.append(c);
      } else if (c == '-') {
        id.append('_');
      } else if (c <= 0xff) {
        id.append(String.format(Locale.ROOT, "-%02x", (int) c));
      } else {
        id.append(String.format(Locale.ROOT, "-u%04x", (int) c));
      }
    }
    return id.toString();
  }

  /** Reads the grant as any template would, so it needs nothing of how records are wrapped. */
  private static String grantBase(List<?> arguments, String call) throws TemplateModelException {
    expect(arguments, 1, call);
    if (!(arguments.get(0) instanceof TemplateHashModel grant)) {
      throw new TemplateModelException(call + " takes a grant");
    }
    return OutputPaths.grantBase(text(grant.get("keyName"), "grant.keyName"),
        text(grant.get("launcher"), "grant.launcher"));
  }

  private static void expect(List<?> arguments, int count, String call)
      throws TemplateModelException {
    if (arguments.size() != count) {
      throw new TemplateModelException(call + " takes " + count + " argument(s), not "
          + arguments.size());
    }
  }

  private static String text(Object value, String name) throws TemplateModelException {
    if (value instanceof TemplateScalarModel scalar) {
      return scalar.getAsString();
    }
    throw new TemplateModelException(name + " must be a string");
  }

  private static int number(Object value, String name) throws TemplateModelException {
    if (value instanceof TemplateNumberModel number) {
      return number.getAsNumber().intValue();
    }
    throw new TemplateModelException(name + " must be a number");
  }
}
