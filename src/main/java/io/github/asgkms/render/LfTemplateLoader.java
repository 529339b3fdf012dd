package io.github.asgkms.render;

import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;

/**
 * Reads templates with LF line ends whatever they were saved with, so a user's template
 * edited on Windows gives the same bytes. It works on the template's text, never on the
 * output, where a carriage return inside a quoted shell value is data.
 */
final class LfTemplateLoader implements TemplateLoader {
  private final TemplateLoader delegate;

  LfTemplateLoader(TemplateLoader delegate) {
    this.delegate = delegate;
  }

  @Override
  public Object findTemplateSource(String name) throws IOException {
    return delegate.findTemplateSource(name);
  }

  @Override
  public long getLastModified(Object templateSource) {
    return delegate.getLastModified(templateSource);
  }

  @Override
  public Reader getReader(Object templateSource, String encoding) throws IOException {
    try (Reader reader = delegate.getReader(templateSource, encoding)) {
      StringBuilder text = new StringBuilder();
      char[] buffer = new char[8192];
      for (int n; (n = reader.read(buffer)) > 0; ) {
        text.append(buffer, 0, n);
      }
      return new StringReader(text.toString().replace("\r\n", "\n").replace('\r', '\n'));
    }
  }

  @Override
  public void closeTemplateSource(Object templateSource) throws IOException {
    delegate.closeTemplateSource(templateSource);
  }
}
