package io.github.asgkms.access;

import io.github.asgkms.render.Format;
import java.util.List;

/**
 * One format's output as the access model read it: what it gives once applied, the classes of
 * keys that every call treats alike, and, when asked for, its ACCESS.md pages.
 */
public final class FormatAccess {
  private final Format format;
  private final Deployment deployment;
  private final List<List<io.github.asgkms.plan.KeyPlan>> classes;
  private final List<AccessTables.Page> pages;

  FormatAccess(Format format, Deployment deployment,
      List<List<io.github.asgkms.plan.KeyPlan>> classes, List<AccessTables.Page> pages) {
    this.format = format;
    this.deployment = deployment;
    this.classes = classes;
    this.pages = List.copyOf(pages);
  }

  public Format format() {
    return format;
  }

  /** Its ACCESS.md pages; empty when they were not asked for. */
  public List<AccessTables.Page> pages() {
    return pages;
  }

  Deployment deployment() {
    return deployment;
  }

  List<List<io.github.asgkms.plan.KeyPlan>> classes() {
    return classes;
  }
}
