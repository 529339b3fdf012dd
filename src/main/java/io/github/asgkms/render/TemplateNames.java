package io.github.asgkms.render;

import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import io.github.asgkms.text.Numbering;
import java.util.List;

/**
 * The naming rules that Java needs too, as functions every template reaches through
 * {@code names}, so that each rule is written once:
 *
 * <ul>
 *   <li>{@code names.numbered(first, index, separator)}: the name at {@code index} (from 0) of
 *       a numbered series, as {@link Numbering} gives it to IAM policies and their files;
 *   <li>{@code names.grantLogicalId(grant)}: a grant's CloudFormation logical ID, from what
 *       tells the grant apart ({@link LogicalIds}).
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

  /** Reads the grant as any template would, so it needs nothing of how records are wrapped. */
  private static final TemplateMethodModelEx GRANT_LOGICAL_ID = arguments -> {
    expect(arguments, 1, "grantLogicalId(grant)");
    if (!(arguments.get(0) instanceof TemplateHashModel grant)) {
      throw new TemplateModelException("grantLogicalId(grant) takes a grant");
    }
    return LogicalIds.grant(text(grant.get("keyName"), "grant.keyName"));
  };

  private TemplateNames() {}

  @Override
  public TemplateModel get(String key) {
    return switch (key) {
      case "numbered" -> NUMBERED;
      case "grantLogicalId" -> GRANT_LOGICAL_ID;
      default -> null;
    };
  }

  @Override
  public boolean isEmpty() {
    return false;
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
