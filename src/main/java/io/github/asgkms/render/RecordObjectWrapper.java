package io.github.asgkms.render;

import freemarker.template.DefaultObjectWrapper;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.Version;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Freemarker's default wrapping, except for records, which become {@link RecordModel}s: a hash
 * of the record's components, read through their accessors, with no JavaBeans introspection.
 * Each record is wrapped once per run, however many files use it: the plan and its account
 * reach every file, and at thousands of files the default wrapper's fresh bean models and
 * reflective calls were a large part of rendering.
 *
 * <p>It keeps the records it has wrapped, unlocked, so each rendering thread has its own
 * ({@link RenderSession}).
 */
final class RecordObjectWrapper extends DefaultObjectWrapper {
  private final Map<Class<?>, RecordShape> shapes = new HashMap<>();
  private final Map<Object, RecordModel> models = new IdentityHashMap<>();

  RecordObjectWrapper(Version incompatibleImprovements) {
    super(incompatibleImprovements);
  }

  @Override
  protected TemplateModel handleUnknownType(Object object) throws TemplateModelException {
    if (!(object instanceof Record record)) {
      return super.handleUnknownType(object);
    }
    RecordModel model = models.get(record);
    if (model == null) {
      RecordShape shape = shapes.get(record.getClass());
      if (shape == null) {
        shape = RecordShape.of(record.getClass());
        shapes.put(record.getClass(), shape);
      }
      model = new RecordModel(record, shape, this);
      models.put(record, model);
    }
    return model;
  }
}
