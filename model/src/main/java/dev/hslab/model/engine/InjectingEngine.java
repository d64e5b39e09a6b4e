package dev.hslab.model.engine;

/**
 * An engine that carries out the inject faults aimed at its own messages itself ({@link Injector}):
 * each injected message goes on the wire as its own record, protected as its records are at that
 * point, so that the receiver's record layer accepts it and the fault tests its state machine. The
 * model engine writes it with its record layer; a real engine's adapter seals it with the keys its
 * model peer knows and moves the engine's later records one sequence number on.
 */
public interface InjectingEngine extends Engine {

  /** From now on, this engine sends what {@code injector} asks for before its messages. */
  void injectWith(Injector injector);
}
