package io.github.asgkms.access;

/** A statement's effect. An explicit deny wins over every allow. */
public enum Effect {
  ALLOW,
  DENY
}
