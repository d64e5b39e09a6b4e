package dev.hslab.model.crypto.sig;

/** The public-key algorithm of a certificate key, which decides the schemes it can sign with. */
public enum KeyType {
  RSA,
  EC
}
