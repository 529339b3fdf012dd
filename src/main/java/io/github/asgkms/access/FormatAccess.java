package io.github.asgkms.access;

import io.github.asgkms.render.Format;

/**
 * One format's output as the access model read it: what it gives once applied, with the
 * grants its grant manager creates in place. Null deployment when the files could not be read.
 */
public record FormatAccess(Format format, Deployment deployment) {}
