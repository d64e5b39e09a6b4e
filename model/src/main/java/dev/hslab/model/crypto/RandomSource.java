package dev.hslab.model.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import org.bouncycastle.crypto.engines.ChaChaEngine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * The one source of randomness (docs/architecture.md principle 3). In simulation it is a ChaCha20 key
 * stream keyed from the seed, so the same seed gives the same bytes; outside simulation it is a
 * real {@link SecureRandom}. Nothing in the model reads a global random.
 */
public abstract sealed class RandomSource permits RandomSource.Seeded, RandomSource.Secure {

  /** A reproducible source for simulation. */
  public static RandomSource seeded(long seed) {
    return new Seeded(derive("hslab seed", Long.toString(seed)));
  }

  /** A real {@link SecureRandom}, for connections to real peers. */
  public static RandomSource secure() {
    return new Secure(new SecureRandom());
  }

  public abstract void nextBytes(byte[] out);

  public byte[] nextBytes(int n) {
    byte[] b = new byte[n];
    nextBytes(b);
    return b;
  }

  /**
   * An independent source for one purpose ("client", "server", "network"): what one consumer
   * draws never shifts another's stream, so adding a random draw in one place keeps every other
   * place's bytes stable.
   */
  public abstract RandomSource fork(String label);

  /** This source as a {@link SecureRandom} for BouncyCastle and JCA APIs that take one. */
  public abstract SecureRandom asSecureRandom();

  private static byte[] derive(String a, String b) {
    JdkDigest d = JdkDigest.sha256();
    byte[] x = (a + "\0" + b).getBytes(StandardCharsets.UTF_8);
    d.update(x, 0, x.length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  /** ChaCha20 (20 rounds) key stream; the fork label is hashed with the key into a new key. */
  static final class Seeded extends RandomSource {
    private final byte[] key;
    private final ChaChaEngine stream = new ChaChaEngine(20);
    private final SecureRandom view;

    Seeded(byte[] key) {
      this.key = key;
      stream.init(true, new ParametersWithIV(new KeyParameter(key), new byte[8]));
      this.view = new DelegatingSecureRandom(this);
    }

    @Override
    public synchronized void nextBytes(byte[] out) {
      java.util.Arrays.fill(out, (byte) 0);
      stream.processBytes(out, 0, out.length, out, 0);
    }

    @Override
    public RandomSource fork(String label) {
      return new Seeded(derive(java.util.HexFormat.of().formatHex(key), label));
    }

    @Override
    public SecureRandom asSecureRandom() {
      return view;
    }
  }

  static final class Secure extends RandomSource {
    private final SecureRandom random;

    Secure(SecureRandom random) {
      this.random = random;
    }

    @Override
    public void nextBytes(byte[] out) {
      random.nextBytes(out);
    }

    @Override
    public RandomSource fork(String label) {
      return this;
    }

    @Override
    public SecureRandom asSecureRandom() {
      return random;
    }
  }

  /**
   * A SecureRandom whose every draw comes from a seeded source. Built on its own SPI, so making one
   * does not instantiate (and seed) the platform's default generator: a fork per connection and
   * side made that a measurable part of a handshake.
   */
  private static final class DelegatingSecureRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;

    DelegatingSecureRandom(RandomSource source) {
      super(new Spi(source), null);
    }

    @Override
    public void setSeed(long seed) {
      // The seeded stream is the only state; reseeding from outside would break determinism.
    }

    @Override
    public void setSeed(byte[] seed) {
      // As above.
    }
  }

  private static final class Spi extends SecureRandomSpi {
    private static final long serialVersionUID = 1L;
    private final transient RandomSource source;

    Spi(RandomSource source) {
      this.source = source;
    }

    @Override
    protected void engineSetSeed(byte[] seed) {
      // See DelegatingSecureRandom.setSeed.
    }

    @Override
    protected void engineNextBytes(byte[] bytes) {
      source.nextBytes(bytes);
    }

    @Override
    protected byte[] engineGenerateSeed(int numBytes) {
      return source.nextBytes(numBytes);
    }
  }
}
