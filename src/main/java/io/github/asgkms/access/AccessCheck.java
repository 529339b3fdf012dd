package io.github.asgkms.access;

import io.github.asgkms.access.AccessFinding.Kind;
import io.github.asgkms.output.GeneratedFile;
import io.github.asgkms.plan.GrantPlan;
import io.github.asgkms.plan.Plan;
import io.github.asgkms.render.Format;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that the rendered output, as it is (built-in templates or the user's), allows every
 * call its consumers make and nothing to a principal the spec never named. Each generated
 * format is read back and checked on its own.
 */
public final class AccessCheck {
  private AccessCheck() {}

  public static AccessReport check(Plan plan, List<GeneratedFile> files, Set<Format> formats) {
    SequenceLoader.Loaded data = SequenceLoader.load();
    Deployment planned = Deployment.planned(plan);
    List<AccessFinding> findings = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<FormatAccess> deployments = new ArrayList<>();
    for (Format format : Format.values()) {
      if (!formats.contains(format)) {
        continue;
      }
      Deployment rendered;
      try {
        rendered = Deployment.rendered(format, plan, read(format, plan, files));
      } catch (DocumentException e) {
        findings.add(new AccessFinding(Kind.UNREADABLE, format.id(), "reading the output",
            null, null, e.getMessage()));
        continue;
      }
      deployments.add(new FormatAccess(format, rendered));
      findings.addAll(check(data, rendered, planned));
      notes.addAll(notModelled(rendered));
    }
    return new AccessReport(findings, notes, deployments);
  }

  /** Replays, probes and grant counts for one format's deployment. */
  static List<AccessFinding> check(SequenceLoader.Loaded data, Deployment rendered,
      Deployment planned) {
    List<AccessFinding> findings = new ArrayList<>(new Replay(data, rendered, planned).run());
    findings.addAll(new Probes(rendered, planned).run(data.probes()));
    findings.addAll(extraGrants(rendered));
    return findings;
  }

  /** The documents one format's files give. */
  static RenderedDocuments read(Format format, Plan plan, List<GeneratedFile> files)
      throws DocumentException {
    Map<String, String> texts = new LinkedHashMap<>();
    for (GeneratedFile file : files) {
      if (file.path().startsWith(format.id() + "/")) {
        texts.put(file.path(), file.text());
      }
    }
    RenderedDocuments docs = new RenderedDocuments();
    switch (format) {
      case TERRAFORM -> TerraformDocuments.read(texts, plan, docs);
      case CLOUDFORMATION -> CloudFormationDocuments.read(texts, plan, docs);
      case JSON -> {
        String role = PlanFacts.creatorRoleName(plan);
        JsonDocuments.read(texts, plan, role != null ? plan.grantCreatorArn()
            : RenderedDocuments.unattached(plan.autoScalingAccountId()), docs);
      }
    }
    return docs;
  }

  /** A grant the spec never asked for: on another key, or a second one on a key. */
  private static List<AccessFinding> extraGrants(Deployment rendered) {
    List<AccessFinding> findings = new ArrayList<>();
    rendered.grants.forEach((key, definitions) -> {
      boolean planned = false;
      for (GrantPlan grant : rendered.plan.grants()) {
        planned |= grant.keyArn().equals(key);
      }
      for (int i = planned ? 1 : 0; i < definitions.size(); i++) {
        GrantDefinition extra = definitions.get(i);
        findings.add(new AccessFinding(Kind.EXCESS, rendered.label, "grants", "CreateGrant on "
            + key, extra.request().grantee(), extra.origin() + " is a grant the spec does not"
            + " ask for" + (planned ? " (a second one on this key)" : "")));
      }
    });
    return findings;
  }

  /** Conditions and elements of the rendered documents that the model does not evaluate. */
  private static List<String> notModelled(Deployment rendered) {
    List<String> notes = new ArrayList<>();
    List<PolicyDocument> docs = new ArrayList<>(rendered.keyPolicies.values());
    rendered.identities.values().forEach(docs::addAll);
    for (PolicyDocument doc : docs) {
      for (int i = 0; i < doc.statements().size(); i++) {
        Statement s = doc.statements().get(i);
        for (String element : s.unsupported()) {
          notes.add("[" + rendered.label + "] " + doc.describe(i) + ": " + element
              + " is not modelled; the statement is taken as matching nothing if it allows and"
              + " everything if it denies");
        }
        for (ConditionClause c : s.conditions()) {
          if (Conditions.evaluate(c, Map.of()) == Conditions.Result.UNSUPPORTED) {
            notes.add("[" + rendered.label + "] " + doc.describe(i) + ": condition " + c
                + " is not modelled; taken as false in an Allow and as true in a Deny");
          }
        }
      }
    }
    return notes;
  }
}
