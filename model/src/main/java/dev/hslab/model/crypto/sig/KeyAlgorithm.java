package dev.hslab.model.crypto.sig;

/**
 * The public-key algorithm of a certificate key, which decides the schemes it can sign with. Not
 * to be confused with {@code pki.KeyType}, which says which key pair (algorithm and size or curve)
 * the test certificate authority generates.
 */
public enum KeyAlgorithm {
  RSA,
  EC
}
