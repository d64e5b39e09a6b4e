/**
 * The certificate authority (root, intermediate, server and client leaves, all deterministic from
 * a {@link dev.hslab.model.crypto.RandomSource}), identities with PEM import and export, and the
 * validation of a peer's chain with the RFC 5246 §7.2.2 alert for each refusal. May use:
 * model.wire, model.suite, model.crypto, model.crypto.sig.
 */
package dev.hslab.model.pki;
