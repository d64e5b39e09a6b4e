package dev.hslab.actors;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.AskPattern;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An actor system that runs simulated connections. One is enough for any number of runs; close it
 * when done. Protocol time is virtual: the only real-time bound is {@code guard}, which turns a
 * bug that would hang into a clear error.
 */
public final class Simulator implements AutoCloseable {

  /** Akka's own logging off (library code prints nothing, docs/style.md §24); no JVM shutdown hook. */
  private static final Config QUIET = ConfigFactory.parseString(String.join("\n",
      "akka.loglevel = OFF",
      "akka.stdout-loglevel = OFF",
      "akka.log-dead-letters = off",
      "akka.log-dead-letters-during-shutdown = off",
      "akka.coordinated-shutdown.run-by-jvm-shutdown-hook = off",
      "akka.jvm-exit-on-fatal-error = off"));

  /**
   * Created before the first actor system, on the caller's thread, so SLF4J initializes here and
   * does not print its "replayed calls" warning (docs/dependencies.md pitfall 2).
   */
  private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);

  private final ActorSystem<Guardian.Command> system;
  private final Duration guard;

  private Simulator(Duration guard, Config threads) {
    this.system = ActorSystem.create(Guardian.create(), "hslab-simulator",
        threads.withFallback(QUIET).withFallback(ConfigFactory.load()));
    this.guard = guard;
    LOG.debug("simulator started, guard {}", guard);
  }

  /** A simulator whose runs may take up to 10 minutes of real time each. */
  public static Simulator start() {
    return start(Duration.ofMinutes(10));
  }

  public static Simulator start(Duration guard) {
    return new Simulator(guard, ConfigFactory.empty());
  }

  /**
   * A simulator whose actors all run on exactly {@code threads} threads: Akka's default
   * dispatcher (a fork-join pool, by default sized from the cores, at least 8 threads) fixed to that
   * size. One thread measures the actors on one core (the benchmarks compare it with the
   * single-threaded loopback); the runs are the same whatever the size (one event at a time per
   * connection).
   */
  public static Simulator start(Duration guard, int threads) {
    if (threads < 1 || threads > 1024) {
      throw new IllegalArgumentException("threads must be 1 to 1024, got " + threads);
    }
    return new Simulator(guard, ConfigFactory.parseString(
        "akka.actor.default-dispatcher.fork-join-executor { parallelism-min = " + threads
            + ", parallelism-max = " + threads + ", parallelism-factor = 1.0 }"));
  }

  /** Runs one connection. */
  public ConnectionResult run(ConnectionSpec spec) {
    ConnectionResult r = runAll(1, i -> spec, 1, true).get(0);
    return new ConnectionResult(spec.index(), r.trace(), r.client(), r.server(), r.endTimeMs(), r.crash());
  }

  /**
   * Runs {@code count} connections, at most {@code maxInFlight} at once; {@code specs} builds
   * connection i (from 1) when it starts. The results come in that order, one per connection,
   * each with its position as its index.
   *
   * @param keepTraces false to keep only outcomes and engines (large runs: bounded memory)
   */
  public List<ConnectionResult> runAll(int count, IntFunction<ConnectionSpec> specs, int maxInFlight,
      boolean keepTraces) {
    if (count < 0 || maxInFlight < 1) {
      throw new IllegalArgumentException("count must be >= 0 and maxInFlight >= 1, got " + count + ", " + maxInFlight);
    }
    if (count == 0) {
      return List.of();
    }
    try {
      return AskPattern.<Guardian.Command, List<ConnectionResult>>ask(system,
          replyTo -> new Guardian.RunBatch(count, specs, maxInFlight, keepTraces, replyTo), guard, system.scheduler())
          .toCompletableFuture().get(guard.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("simulation interrupted", e);
    } catch (ExecutionException | CompletionException | TimeoutException e) {
      throw new IllegalStateException("simulation of " + count + " connections did not finish within " + guard
          + " of real time: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    system.terminate();
    try {
      system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // The system is going down anyway; nothing the caller could do about it.
    }
  }
}
