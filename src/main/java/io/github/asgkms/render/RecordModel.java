package io.github.asgkms.render;

import freemarker.template.ObjectWrapper;
import freemarker.template.SimpleCollection;
import freemarker.template.SimpleScalar;
import freemarker.template.SimpleSequence;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;

/**
 * A record as a template sees it: a hash of the names its {@link RecordShape} allows. A list is
 * wrapped once and kept, as each format lists it again; any other value is wrapped afresh,
 * which costs less than keeping a model of every string of a large plan alive to the end of
 * the run. An unknown name, or a null value, is missing, as with Freemarker's own wrapper, so
 * a strict template fails on it.
 */
final class RecordModel implements TemplateHashModelEx {
  private final Record record;
  private final RecordShape shape;
  private final ObjectWrapper wrapper;
  private final TemplateModel[] values;

  RecordModel(Record record, RecordShape shape, ObjectWrapper wrapper) {
    this.record = record;
    this.shape = shape;
    this.wrapper = wrapper;
    this.values = new TemplateModel[shape.size()];
  }

  @Override
  public TemplateModel get(String key) throws TemplateModelException {
    int index = shape.indexOf(key);
    if (index < 0) {
      return null;
    }
    TemplateModel value = values[index];
    if (value == null) {
      Object raw = read(index);
      // A list becomes a sequence that keeps each element's model once made, so listing it
      // again wraps nothing twice.
      if (raw instanceof List<?> list) {
        value = new SimpleSequence(list, wrapper);
        values[index] = value;
      } else if (raw instanceof String text) {
        return new SimpleScalar(text); // what the wrapper would make, without its type tests
      } else {
        return wrapper.wrap(raw);
      }
    }
    return value;
  }

  private Object read(int index) throws TemplateModelException {
    try {
      return shape.reader(index).invoke(record);
    } catch (InvocationTargetException e) {
      throw new TemplateModelException("reading " + shape.names().get(index) + " of "
          + record.getClass().getSimpleName() + " failed", e.getCause());
    } catch (IllegalAccessException e) {
      throw new TemplateModelException("cannot read " + shape.names().get(index) + " of "
          + record.getClass().getSimpleName(), e);
    }
  }

  @Override
  public int size() {
    return shape.size();
  }

  @Override
  public boolean isEmpty() {
    return shape.size() == 0;
  }

  @Override
  public TemplateCollectionModel keys() {
    return new SimpleCollection(shape.names(), wrapper);
  }

  @Override
  public TemplateCollectionModel values() throws TemplateModelException {
    List<TemplateModel> all = new ArrayList<>(shape.size());
    for (String name : shape.names()) {
      all.add(get(name));
    }
    return new SimpleCollection(all, wrapper);
  }
}
