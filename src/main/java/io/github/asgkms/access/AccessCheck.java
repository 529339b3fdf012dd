package io.github.asgkms.access;

import io.github.asgkms.access.AccessFinding.Kind;
import io.github.asgkms.output.GeneratedFile;
import io.github.asgkms.plan.GrantPlan;
import io.github.asgkms.plan.KeyPlan;
import io.github.asgkms.plan.Plan;
import io.github.asgkms.render.Format;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Checks that the rendered output, as it is (built-in templates or the user's), allows every
 * call its consumers make and nothing to a principal the spec never named. Each generated
 * format is read back and checked on its own.
 */
public final class AccessCheck {
  private AccessCheck() {}

  /** The check, without ACCESS.md pages. */
  public static AccessReport check(Plan plan, List<GeneratedFile> files, Set<Format> formats) {
    return check(plan, files, formats, false);
  }

  /**
   * Checks each generated format's output, one format per thread as processors allow: the
   * formats are read and checked independently, and the report lists them in a fixed order.
   *
   * @param withTables whether to build each format's ACCESS.md pages as well
   */
  public static AccessReport check(Plan plan, List<GeneratedFile> files, Set<Format> formats,
      boolean withTables) {
    SequenceLoader.Loaded data = SequenceLoader.load();
    List<Callable<FormatResult>> tasks = new ArrayList<>();
    for (Format format : Format.values()) {
      if (formats.contains(format)) {
        tasks.add(() -> checkFormat(data, format, plan, files, withTables));
      }
    }
    List<AccessFinding> findings = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<FormatAccess> deployments = new ArrayList<>();
    for (FormatResult result : runAll(tasks)) {
      findings.addAll(result.findings());
      notes.addAll(result.notes());
      if (result.access() != null) {
        deployments.add(result.access());
      }
    }
    return new AccessReport(findings, notes, deployments);
  }

  /** What one format's check found; no access when its files could not be read. */
  private record FormatResult(List<AccessFinding> findings, List<String> notes,
      FormatAccess access) {}

  private static FormatResult checkFormat(SequenceLoader.Loaded data, Format format, Plan plan,
      List<GeneratedFile> files, boolean withTables) {
    Deployment rendered;
    try {
      rendered = Deployment.rendered(format, plan, read(format, plan, files));
    } catch (DocumentException e) {
      return new FormatResult(List.of(new AccessFinding(Kind.UNREADABLE, format.id(),
          "reading the output", null, null, e.getMessage())), List.of(), null);
    }
    Deployment planned = Deployment.planned(plan);
    List<List<KeyPlan>> classes = KeyClasses.of(rendered, rendered.world(), planned,
        planned.world());
    List<AccessFinding> findings = check(data, rendered, planned, classes);
    FormatAccess access = new FormatAccess(format, rendered, classes, List.of());
    if (withTables) {
      access = new FormatAccess(format, rendered, classes, AccessTables.pages(access));
    }
    return new FormatResult(findings, notModelled(rendered), access);
  }

  /** Runs the tasks, on as many threads as there are processors and tasks, in their order. */
  private static List<FormatResult> runAll(List<Callable<FormatResult>> tasks) {
    int threads = Math.min(tasks.size(), Runtime.getRuntime().availableProcessors());
    if (threads <= 1) {
      List<FormatResult> results = new ArrayList<>();
      for (Callable<FormatResult> task : tasks) {
        results.add(call(task));
      }
      return results;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "asg-kms-access");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<FormatResult>> futures = new ArrayList<>();
      for (Callable<FormatResult> task : tasks) {
        futures.add(pool.submit(task));
      }
      List<FormatResult> results = new ArrayList<>();
      for (Future<FormatResult> future : futures) {
        results.add(get(future));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static FormatResult call(Callable<FormatResult> task) {
    try {
      return task.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static FormatResult get(Future<FormatResult> future) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return future.get();
        } catch (InterruptedException e) {
          interrupted = true; // kept for the caller: the check itself must finish
        }
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Replays, probes and grant counts for one format's deployment. Each class of keys that
   * every call treats alike ({@link KeyClasses}) is checked on one of its keys, and on all of
   * them when that one has findings, so that each finding names its own key and files.
   */
  static List<AccessFinding> check(SequenceLoader.Loaded data, Deployment rendered,
      Deployment planned) {
    return check(data, rendered, planned, KeyClasses.of(rendered, rendered.world(), planned,
        planned.world()));
  }

  private static List<AccessFinding> check(SequenceLoader.Loaded data, Deployment rendered,
      Deployment planned, List<List<KeyPlan>> classes) {
    Replay replay = new Replay(data, rendered, planned);
    Probes probes = new Probes(rendered, planned);
    replay.runOnce();
    List<AccessFinding> findings = new ArrayList<>(replay.takeFindings());
    for (List<KeyPlan> members : classes) {
      for (KeyPlan key : members) {
        replay.runKey(key);
        probes.runKey(data.probes(), key);
        List<AccessFinding> found = replay.takeFindings();
        found.addAll(probes.takeFindings());
        if (found.isEmpty()) {
          break; // the rest of the class comes out the same
        }
        findings.addAll(found);
      }
    }
    findings.addAll(probes.runGlobal());
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

  /**
   * A grant the spec never asked for: on another key, for another grantee, or a second one
   * for a launcher on a key. The grant a launcher's replay uses is the first for its role.
   */
  private static List<AccessFinding> extraGrants(Deployment rendered) {
    List<AccessFinding> findings = new ArrayList<>();
    rendered.grants.forEach((key, definitions) -> {
      List<GrantDefinition> used = new ArrayList<>();
      for (GrantPlan grant : rendered.plannedGrants(key)) {
        GrantDefinition definition = rendered.grantFor(key, grant.granteePrincipal());
        if (definition != null) {
          used.add(definition);
        }
      }
      for (GrantDefinition extra : definitions) {
        if (used.stream().anyMatch(u -> u == extra)) {
          continue;
        }
        boolean second = used.stream().anyMatch(u -> u.request().grantee()
            .equals(extra.request().grantee()));
        findings.add(new AccessFinding(Kind.EXCESS, rendered.label, "grants", "CreateGrant on "
            + key, extra.request().grantee(), extra.origin() + " is a grant the spec does not"
            + " ask for" + (second ? " (a second one on this key)" : "")));
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
