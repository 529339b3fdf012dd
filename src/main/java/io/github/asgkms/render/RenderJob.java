package io.github.asgkms.render;

import io.github.asgkms.plan.Plan;
import java.util.HashMap;
import java.util.Map;

/**
 * One file to render: a template, the path it is written to under the output directory, the
 * data model the template receives (always {@code plan} and the naming functions
 * {@code names}, plus the item the file is about, and {@code regenerateCommand}, which the
 * {@link Renderer} adds), and whether the file is a script to run, which only the layout that
 * makes it knows.
 */
record RenderJob(String template, String path, Map<String, Object> model, boolean executable) {

  static RenderJob of(String template, String path, Plan plan, Object... namedItems) {
    Map<String, Object> model = new HashMap<>();
    model.put("plan", plan);
    model.put(TemplateNames.VARIABLE, TemplateNames.INSTANCE);
    for (int i = 0; i < namedItems.length; i += 2) {
      model.put((String) namedItems[i], namedItems[i + 1]);
    }
    return new RenderJob(template, path, model, false);
  }

  /** The same job, its file written executable. */
  RenderJob asExecutable() {
    return new RenderJob(template, path, model, true);
  }
}
