package io.github.asgkms.render;

import io.github.asgkms.plan.Plan;
import java.util.List;

/** Which templates a format renders for a plan, and where each file goes. */
interface Layout {
  List<RenderJob> jobs(Plan plan);

  /**
   * Every built-in template of the format, those it imports included: what the up-to-date
   * stamp hashes, so a changed template means work again.
   */
  List<String> templates();
}
