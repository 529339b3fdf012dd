package io.github.asgkms.spec;

import static io.github.asgkms.text.Printable.quote;

import io.github.asgkms.aws.AccountId;
import io.github.asgkms.aws.GrantOperations;
import io.github.asgkms.aws.IamRoleArn;
import io.github.asgkms.aws.KmsKeyArn;
import io.github.asgkms.aws.Launcher;
import io.github.asgkms.aws.RoleLauncher;
import io.github.asgkms.aws.ServiceLinkedLauncher;
import io.github.asgkms.spec.YamlNode.Mapping;
import io.github.asgkms.spec.YamlNode.Scalar;
import io.github.asgkms.spec.YamlNode.Sequence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The kinds of value the spec holds, each read with its checks and described for editors. */
final class Types {
  private Types() {}

  /** A plain {@code true} or {@code false}. */
  static final ValueType<Boolean> BOOLEAN = new ValueType<>() {
    /**
     * Nothing else: the reader keeps YAML 1.1's yes, no, on and off as strings, and a quoted
     * "true" is a string too, so each would otherwise be guessed at.
     */
    @Override
    public Optional<Boolean> read(YamlNode node, SpecPath path, Errors errors) {
      if (node instanceof Scalar s && s.type() == Scalar.Type.BOOLEAN
          && (s.text().equals("true") || s.text().equals("false"))) {
        return Optional.of(s.text().equals("true"));
      }
      String found = node instanceof Scalar s && s.type() != Scalar.Type.NULL
          ? quote(s.text()) + " (" + node.kindName() + ")" : node.kindName();
      errors.add(node.mark(), path, "expected true or false, found " + found);
      return Optional.empty();
    }

    @Override
    public Map<String, Object> schema() {
      return schemaOf("type", "boolean");
    }

    @Override
    public Optional<Object> json(Boolean value) {
      return Optional.of(value);
    }
  };

  /** The spec version: the number 1, written as a plain integer. */
  static final ValueType<Integer> VERSION = new ValueType<>() {
    @Override
    public Optional<Integer> read(YamlNode node, SpecPath path, Errors errors) {
      if (node instanceof Scalar s && s.type() == Scalar.Type.INTEGER) {
        if (s.text().equals("1")) {
          return Optional.of(1);
        }
        errors.add(s.mark(), path, "unsupported version " + s.text() + "; the only version is 1");
      } else if (node instanceof Scalar s && s.quoted() && s.text().equals("1")) {
        errors.add(node.mark(), path, "expected the number 1, found the string \"1\";"
            + " write version: 1 without quotes");
      } else if (node instanceof Scalar s && s.type() == Scalar.Type.FLOAT) {
        errors.add(node.mark(), path, "expected the number 1, found " + quote(s.text()));
      } else {
        errors.add(node.mark(), path, "expected the number 1, found " + node.kindName());
      }
      return Optional.empty();
    }

    @Override
    public Map<String, Object> schema() {
      return schemaOf("const", 1);
    }
  };

  /** Twelve digits, quoted or not: unquoted digits keep their text, leading zeros included. */
  static final ValueType<String> ACCOUNT_ID = new ValueType<>() {
    @Override
    public Optional<String> read(YamlNode node, SpecPath path, Errors errors) {
      if (node instanceof Scalar s && s.type() == Scalar.Type.INTEGER && !s.quoted()) {
        if (AccountId.isValid(s.text())) {
          return Optional.of(s.text());
        }
        errors.add(s.mark(), path, notAnAccountId(s.text()));
        return Optional.empty();
      }
      return string(node, path, errors).flatMap(text -> {
        if (AccountId.isValid(text)) {
          return Optional.of(text);
        }
        errors.add(node.mark(), path, notAnAccountId(text));
        return Optional.empty();
      });
    }

    /** A YAML 1.2 editor reads unquoted digits as a number, which loses a leading zero. */
    @Override
    public Map<String, Object> schema() {
      return schemaOf("oneOf", List.of(
          schemaOf("type", "string", "pattern", anchored(AccountId.PATTERN)),
          schemaOf("type", "integer", "minimum", 100000000000L, "maximum", 999999999999L)));
    }
  };

  /** A preset's name or a list of distinct grant operations. */
  static final ValueType<List<String>> GRANT_OPERATIONS = new ValueType<>() {
    @Override
    public Optional<List<String>> read(YamlNode node, SpecPath path, Errors errors) {
      if (node instanceof Sequence sequence) {
        return operationList(sequence, path, errors);
      }
      return string(node, path, errors).flatMap(text -> {
        Optional<List<String>> preset = GrantOperations.preset(text);
        if (preset.isEmpty()) {
          errors.add(node.mark(), path, "unknown preset " + quote(text) + "; expected "
              + GrantOperations.KNOWLEDGE_CENTER_PRESET + ", "
              + GrantOperations.USER_GUIDE_PRESET + " or a list of operations");
        }
        return preset;
      });
    }

    @Override
    public Map<String, Object> schema() {
      return schemaOf("oneOf", List.of(
          schemaOf("enum", List.of(GrantOperations.KNOWLEDGE_CENTER_PRESET,
              GrantOperations.USER_GUIDE_PRESET)),
          schemaOf("type", "array", "minItems", 1, "uniqueItems", true,
              "items", schemaOf("enum", GrantOperations.VALID.stream().sorted().toList()))));
    }

    /** A preset by its name, which is how the spec writes the default. */
    @Override
    public Optional<Object> json(List<String> value) {
      return List.of(GrantOperations.KNOWLEDGE_CENTER_PRESET, GrantOperations.USER_GUIDE_PRESET)
          .stream().filter(name -> GrantOperations.preset(name).orElseThrow().equals(value))
          .findFirst().map(name -> name);
    }
  };

  /** A KMS key ARN, parsed: never an alias, a key ID alone or another service's ARN. */
  static final ValueType<KmsKeyArn> KEY_ARN = new ValueType<>() {
    @Override
    public Optional<KmsKeyArn> read(YamlNode node, SpecPath path, Errors errors) {
      return string(node, path, errors).flatMap(text -> {
        KmsKeyArn.Parsed parsed = KmsKeyArn.parse(text);
        return reported(parsed.arn(), parsed.problem(), node, path, errors);
      });
    }

    @Override
    public Map<String, Object> schema() {
      return schemaOf("type", "string", "pattern", anchored(KmsKeyArn.SCHEMA_PATTERN));
    }
  };

  /** An IAM role ARN, parsed. */
  static final ValueType<IamRoleArn> ROLE_ARN = new ValueType<>() {
    @Override
    public Optional<IamRoleArn> read(YamlNode node, SpecPath path, Errors errors) {
      return string(node, path, errors).flatMap(text -> {
        IamRoleArn.Parsed parsed = IamRoleArn.parse(text);
        return reported(parsed.arn(), parsed.problem(), node, path, errors);
      });
    }

    @Override
    public Map<String, Object> schema() {
      return schemaOf("type", "string", "pattern", anchored("arn:(aws|aws-cn|aws-us-gov):iam::"
          + AccountId.PATTERN + ":role(/|/[\\x21-\\x7E]{1,510}/)[A-Za-z0-9+=,.@_-]{1,64}"));
    }
  };

  /** A Region's name, in some partition; which one is a rule's to say. */
  static final ValueType<String> REGION = matching(
      Pattern.compile("[a-z]{2}(-[a-z]+)+-[1-9][0-9]?"), "a Region name, such as eu-west-1");

  /**
   * A launcher: a service's name, for its service-linked role, or {@code roleArn:} and a role of
   * the user's own.
   */
  static ValueType<Launcher> launcher(Field<IamRoleArn> roleArn) {
    ValueType<ServiceLinkedLauncher> service = choice("launcher",
        List.of(ServiceLinkedLauncher.values()), ServiceLinkedLauncher::id, true);
    ValueType<Launcher> role = mapping(new FieldSet(roleArn), values ->
        new RoleLauncher(values.get(roleArn)));
    return new ValueType<>() {
      @Override
      public Optional<Launcher> read(YamlNode node, SpecPath path, Errors errors) {
        if (node instanceof Mapping) {
          return role.read(node, path, errors);
        }
        if (node instanceof Sequence) {
          errors.add(node.mark(), path, "expected a launcher (" + ServiceLinkedLauncher.ids()
              + ") or roleArn: <role ARN>, found a list");
          return Optional.empty();
        }
        return service.read(node, path, errors).map(Launcher.class::cast);
      }

      @Override
      public Map<String, Object> schema() {
        return schemaOf("oneOf", List.of(service.schema(), role.schema()));
      }

      @Override
      public Optional<Object> json(Launcher value) {
        return value instanceof ServiceLinkedLauncher s ? service.json(s) : Optional.empty();
      }

      @Override
      public Optional<FieldSet> members() {
        return role.members();
      }
    };
  }

  /** What a parser made of a value: the value, or its problem added to the errors. */
  private static <T> Optional<T> reported(Optional<T> value, Optional<String> problem,
      YamlNode node, SpecPath path, Errors errors) {
    problem.ifPresent(p -> errors.add(node.mark(), path, p));
    return value;
  }

  /** A string matching {@code pattern}; {@code what} completes "'x' is not ...". */
  static ValueType<String> matching(Pattern pattern, String what) {
    return new ValueType<>() {
      @Override
      public Optional<String> read(YamlNode node, SpecPath path, Errors errors) {
        return string(node, path, errors).flatMap(text -> {
          if (pattern.matcher(text).matches()) {
            return Optional.of(text);
          }
          errors.add(node.mark(), path, quote(text) + " is not " + what);
          return Optional.empty();
        });
      }

      @Override
      public Map<String, Object> schema() {
        return schemaOf("type", "string", "pattern", anchored(pattern.pattern()));
      }
    };
  }

  /**
   * One of {@code values}, written as its id.
   *
   * @param noun what an unknown id is said to be ("partition")
   * @param suggest whether a near miss gets "did you mean", rather than the list of ids
   */
  static <E> ValueType<E> choice(String noun, List<E> values, Function<E, String> id,
      boolean suggest) {
    List<String> ids = values.stream().map(id).toList();
    return new ValueType<>() {
      @Override
      public Optional<E> read(YamlNode node, SpecPath path, Errors errors) {
        return string(node, path, errors).flatMap(text -> {
          Optional<E> value = values.stream().filter(v -> id.apply(v).equals(text)).findFirst();
          if (value.isEmpty()) {
            String unknown = "unknown " + noun + " " + quote(text);
            String listed = unknown + "; expected one of " + String.join(", ", ids);
            errors.add(node.mark(), path, !suggest ? listed : Suggestions.nearest(text, ids)
                .map(n -> unknown + "; did you mean '" + n + "'?").orElse(listed));
          }
          return value;
        });
      }

      @Override
      public Map<String, Object> schema() {
        return schemaOf("enum", ids);
      }

      @Override
      public Optional<Object> json(E value) {
        return Optional.of(id.apply(value));
      }
    };
  }

  /** A mapping of declared properties, made into {@code T} when every required one is valid. */
  static <T> ValueType<T> mapping(FieldSet fields, Function<Values, T> make) {
    return new ValueType<>() {
      @Override
      public Optional<T> read(YamlNode node, SpecPath path, Errors errors) {
        return Types.mapping(node, path, errors)
            .map(mapping -> fields.read(mapping, path, errors))
            .filter(Values::complete)
            .map(make);
      }

      @Override
      public Map<String, Object> schema() {
        return objectSchema(fields);
      }

      @Override
      public Optional<FieldSet> members() {
        return Optional.of(fields);
      }
    };
  }

  /**
   * One or more items; the items that are valid, or empty when the list itself is not.
   *
   * @param plural what the list holds, for "expected a list of keys"
   * @param empty the message for an empty list
   */
  static <T> ValueType<List<T>> nonEmptyList(ValueType<T> item, String plural, String empty) {
    return new ValueType<>() {
      @Override
      public Optional<List<T>> read(YamlNode node, SpecPath path, Errors errors) {
        if (!(node instanceof Sequence sequence)) {
          errors.add(node.mark(), path, "expected a list of " + plural + ", found "
              + node.kindName());
          return Optional.empty();
        }
        if (sequence.items().isEmpty()) {
          errors.add(sequence.mark(), path, empty);
          return Optional.empty();
        }
        List<T> items = new ArrayList<>();
        for (int i = 0; i < sequence.items().size(); i++) {
          item.read(sequence.items().get(i), path.index(i), errors).ifPresent(items::add);
        }
        return Optional.of(List.copyOf(items));
      }

      @Override
      public Map<String, Object> schema() {
        return schemaOf("type", "array", "minItems", 1, "items", item.schema());
      }

      @Override
      public Optional<Object> json(List<T> value) {
        List<Object> items = new ArrayList<>();
        for (T t : value) {
          Optional<Object> json = item.json(t);
          if (json.isEmpty()) {
            return Optional.empty();
          }
          items.add(json.get());
        }
        return Optional.of(items);
      }

      @Override
      public Optional<FieldSet> members() {
        return item.members();
      }

      @Override
      public String memberPrefix(String name) {
        return name + "[].";
      }
    };
  }

  /** The JSON Schema of a mapping of {@code fields}: nothing else allowed, each described. */
  static Map<String, Object> objectSchema(FieldSet fields) {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (Field<?> field : fields.fields()) {
      properties.put(field.name(), propertySchema(field));
    }
    return schemaOf("type", "object", "additionalProperties", false,
        "required", fields.fields().stream().filter(Field::required).map(Field::name).toList(),
        "properties", properties);
  }

  private static <T> Map<String, Object> propertySchema(Field<T> field) {
    Map<String, Object> schema = schemaOf("description", field.description());
    schema.putAll(field.type().schema());
    field.defaultValue().flatMap(field.type()::json).ifPresent(d -> schema.put("default", d));
    return schema;
  }

  private static Optional<List<String>> operationList(Sequence sequence, SpecPath path,
      Errors errors) {
    if (sequence.items().isEmpty()) {
      errors.add(sequence.mark(), path, "a grant needs at least one operation");
      return Optional.empty();
    }
    List<String> operations = new ArrayList<>();
    boolean valid = true;
    for (int i = 0; i < sequence.items().size(); i++) {
      YamlNode item = sequence.items().get(i);
      SpecPath itemPath = path.index(i);
      Optional<String> operation = string(item, itemPath, errors);
      if (operation.isEmpty()) {
        valid = false;
      } else if (!GrantOperations.VALID.contains(operation.get())) {
        String unknown = operation.get();
        errors.add(item.mark(), itemPath, Suggestions.nearest(unknown, GrantOperations.VALID)
            .map(n -> "unknown grant operation " + quote(unknown) + "; did you mean '" + n + "'?")
            .orElse("unknown grant operation " + quote(unknown) + "; expected one of "
                + String.join(", ", GrantOperations.VALID.stream().sorted().toList())));
        valid = false;
      } else if (operations.contains(operation.get())) {
        errors.add(item.mark(), itemPath, "operation " + quote(operation.get())
            + " is listed twice");
        valid = false;
      } else {
        operations.add(operation.get());
      }
    }
    return valid ? Optional.of(List.copyOf(operations)) : Optional.empty();
  }

  /** Quoting changes nothing here (digits are kept as written), so the message only counts. */
  private static String notAnAccountId(String text) {
    String found = text.chars().allMatch(c -> c >= '0' && c <= '9')
        ? ", found " + text.length()
        : "";
    return quote(text) + " is not an account ID: expected 12 digits" + found;
  }

  /** A scalar's text. Numbers and booleans count, as written: a key named no is "no". */
  static Optional<String> string(YamlNode node, SpecPath path, Errors errors) {
    if (node instanceof Scalar s && s.type() != Scalar.Type.NULL) {
      return Optional.of(s.text());
    }
    if (node instanceof Scalar s && s.text().equalsIgnoreCase("null")) {
      errors.add(node.mark(), path, "expected a string, found null; quote it (\"" + s.text()
          + "\") if you mean the word");
      return Optional.empty();
    }
    errors.add(node.mark(), path, "expected a string, found " + node.kindName());
    return Optional.empty();
  }

  static Optional<Mapping> mapping(YamlNode node, SpecPath path, Errors errors) {
    if (node instanceof Mapping m) {
      return Optional.of(m);
    }
    errors.add(node.mark(), path, "expected a mapping, found " + node.kindName()
        + (isNull(node) ? "; if its entries are on the lines below, indent them under it" : ""));
    return Optional.empty();
  }

  /** An empty value, as YAML reads a key whose entries lost their indentation. */
  private static boolean isNull(YamlNode node) {
    return node instanceof Scalar s && s.type() == Scalar.Type.NULL;
  }

  /**
   * A Java pattern that must match the whole text, as JSON Schema's unanchored ECMAScript
   * patterns write it: {@code $} would also match before a final line break.
   */
  private static String anchored(String pattern) {
    return "^" + pattern + "(?![\\s\\S])";
  }

  /** An ordered schema object from name, value pairs. */
  static Map<String, Object> schemaOf(Object... pairs) {
    Map<String, Object> schema = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      schema.put((String) pairs[i], pairs[i + 1]);
    }
    return schema;
  }
}
