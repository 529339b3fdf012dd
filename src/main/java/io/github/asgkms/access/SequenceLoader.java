package io.github.asgkms.access;

import io.github.asgkms.access.SequenceData.Event;
import io.github.asgkms.access.SequenceData.Expect;
import io.github.asgkms.access.SequenceData.Handler;
import io.github.asgkms.access.SequenceData.Keys;
import io.github.asgkms.access.SequenceData.Probe;
import io.github.asgkms.access.SequenceData.Scenario;
import io.github.asgkms.access.SequenceData.Sequence;
import io.github.asgkms.access.SequenceData.Step;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the sequences and probes from the class path, strictly: an unknown field is an error,
 * so that a misspelt expectation cannot pass for none.
 */
final class SequenceLoader {
  static final List<String> SEQUENCES =
      List.of("terraform", "cloudformation", "cli", "launch", "launch-own-role",
          "key-administration");
  /** What a sequence's or probe's viaService may name. */
  private static final Set<String> SERVICES = Set.of("ec2", "ec2InAnotherKeysRegion",
      "ec2InARegionOfNoKey");
  private static final String FOLDER = "access/";

  private static Loaded loaded;

  /** Every sequence, by id, and the probes. */
  record Loaded(Map<String, Sequence> sequences, List<Probe> probes) {}

  private SequenceLoader() {}

  static synchronized Loaded load() {
    if (loaded == null) {
      try {
        Map<String, Sequence> sequences = new LinkedHashMap<>();
        for (String id : SEQUENCES) {
          sequences.put(id, sequence(id, read(id)));
        }
        loaded = new Loaded(sequences, probes(read("probes")));
      } catch (DocumentException e) {
        throw new IllegalStateException("the access sequences are broken: " + e.getMessage(),
            e);
      }
    }
    return loaded;
  }

  private static DocNode.Mapping read(String id) throws DocumentException {
    String name = FOLDER + id + ".yaml";
    try (InputStream in = SequenceLoader.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new DocumentException(name, "missing from the class path");
      }
      DocNode root = TreeReader.yaml(name, new String(in.readAllBytes(),
          StandardCharsets.UTF_8));
      if (!(root instanceof DocNode.Mapping mapping)) {
        throw new DocumentException(name, "expected a mapping");
      }
      return mapping;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Sequence sequence(String id, DocNode.Mapping m) throws DocumentException {
    known(m, "sequence", "title", "grantManager", "caller", "source", "once", "perGrant",
        "perKey", "handlers", "scenarios", "viaService");
    if (!id.equals(text(m, "sequence"))) {
      throw new DocumentException(m.where(), "sequence is not " + id);
    }
    Map<String, Handler> handlers = new LinkedHashMap<>();
    if (m.entries().get("handlers") instanceof DocNode.Mapping h) {
      for (Map.Entry<String, DocNode> e : h.entries().entrySet()) {
        DocNode.Mapping handler = mapping(e.getValue());
        known(handler, "call", "skipWhenPhysicalIdStartsWith", "gone", "source");
        handlers.put(e.getKey(), new Handler(text(handler, "call"),
            optional(handler, "skipWhenPhysicalIdStartsWith"), texts(handler, "gone"),
            text(handler, "source")));
      }
    }
    List<Scenario> scenarios = new ArrayList<>();
    for (DocNode node : items(m, "scenarios")) {
      DocNode.Mapping s = mapping(node);
      known(s, "scenario", "events");
      List<Event> events = new ArrayList<>();
      for (DocNode e : items(s, "events")) {
        DocNode.Mapping event = mapping(e);
        known(event, "request", "properties", "target", "expect", "fails", "replay", "source");
        events.add(new Event(optional(event, "request"), optional(event, "properties"),
            optional(event, "target"), optional(event, "expect"),
            "true".equals(optional(event, "fails")), optional(event, "replay"),
            optional(event, "source")));
      }
      scenarios.add(new Scenario(text(s, "scenario"), events));
    }
    return new Sequence(id, text(m, "title"), optional(m, "grantManager"), text(m, "caller"),
        text(m, "source"), steps(m, "once"), steps(m, "perGrant"), steps(m, "perKey"),
        handlers, scenarios, service(m));
  }

  private static List<Step> steps(DocNode.Mapping m, String field) throws DocumentException {
    List<Step> steps = new ArrayList<>();
    for (DocNode node : items(m, field)) {
      DocNode.Mapping s = mapping(node);
      known(s, "step", "call", "replay", "grant", "forAwsResource", "expect", "when", "unless",
          "keys", "source");
      if ((s.entries().get("call") == null) == (s.entries().get("replay") == null)) {
        throw new DocumentException(s.where(), "a step has a call or a replay, not both");
      }
      String expect = optional(s, "expect");
      steps.add(new Step(text(s, "step"), optional(s, "call"), optional(s, "replay"),
          optional(s, "grant"), "true".equals(optional(s, "forAwsResource")),
          expect == null ? Expect.ALLOWED : expect(expect, s), optional(s, "when"),
          optional(s, "unless"), keys(optional(s, "keys"), s), optional(s, "source")));
    }
    return steps;
  }

  private static List<Probe> probes(DocNode.Mapping m) throws DocumentException {
    known(m, "probes");
    List<Probe> probes = new ArrayList<>();
    for (DocNode node : items(m, "probes")) {
      DocNode.Mapping p = mapping(node);
      known(p, "probe", "caller", "keys", "calls", "grant", "forAwsResource", "layer", "expect",
          "source", "viaService");
      String layer = optional(p, "layer");
      if (layer != null && !layer.equals("identity")) {
        throw new DocumentException(p.where(), "layer is identity or absent");
      }
      probes.add(new Probe(text(p, "probe"), texts(p, "caller"), keys(text(p, "keys"), p),
          texts(p, "calls"), texts(p, "grant"), !"false".equals(optional(p, "forAwsResource"))
              && p.entries().containsKey("forAwsResource"),
          layer == null ? "all" : layer, expect(text(p, "expect"), p), text(p, "source"),
          service(p)));
    }
    return probes;
  }

  private static String service(DocNode.Mapping m) throws DocumentException {
    String service = optional(m, "viaService");
    if (service != null && !SERVICES.contains(service)) {
      throw new DocumentException(m.where(), "unknown viaService " + service);
    }
    return service;
  }

  private static Expect expect(String text, DocNode where) throws DocumentException {
    return switch (text) {
      case "allowed" -> Expect.ALLOWED;
      case "refused" -> Expect.REFUSED;
      case "listed" -> Expect.LISTED;
      case "notListed" -> Expect.NOT_LISTED;
      case "refusedAsPlanned" -> Expect.REFUSED_AS_PLANNED;
      default -> throw new DocumentException(where.where(), "unknown expect " + text);
    };
  }

  private static Keys keys(String text, DocNode where) throws DocumentException {
    if (text == null) {
      return Keys.ALL;
    }
    return switch (text) {
      case "all" -> Keys.ALL;
      case "granted" -> Keys.GRANTED;
      case "sameAccount" -> Keys.SAME_ACCOUNT;
      case "otherAccount" -> Keys.OTHER_ACCOUNT;
      case "completePolicy" -> Keys.COMPLETE_POLICY;
      default -> throw new DocumentException(where.where(), "unknown keys " + text);
    };
  }

  private static void known(DocNode.Mapping m, String... fields) throws DocumentException {
    Set<String> allowed = Set.of(fields);
    for (String key : m.entries().keySet()) {
      if (!allowed.contains(key)) {
        throw new DocumentException(m.where(), "unknown field " + key);
      }
    }
  }

  private static DocNode.Mapping mapping(DocNode node) throws DocumentException {
    if (node instanceof DocNode.Mapping m) {
      return m;
    }
    throw new DocumentException(node.where(), "expected a mapping");
  }

  private static List<DocNode> items(DocNode.Mapping m, String field) throws DocumentException {
    DocNode node = m.entries().get(field);
    if (node == null) {
      return List.of();
    }
    if (node instanceof DocNode.Sequence s) {
      return s.items();
    }
    throw new DocumentException(node.where(), field + " is a list");
  }

  private static String text(DocNode.Mapping m, String field) throws DocumentException {
    String value = optional(m, field);
    if (value == null) {
      throw new DocumentException(m.where(), "no " + field);
    }
    return value;
  }

  private static String optional(DocNode.Mapping m, String field) throws DocumentException {
    DocNode node = m.entries().get(field);
    return node == null ? null : ScalarValues.LITERAL.string(node).strip();
  }

  private static List<String> texts(DocNode.Mapping m, String field) throws DocumentException {
    DocNode node = m.entries().get(field);
    return node == null ? List.of() : ScalarValues.LITERAL.strings(node);
  }
}
