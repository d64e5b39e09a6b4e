package dev.hslab.model.explore;

/**
 * What the network adversary may do, each costing one unit of the fault budget. Faults act on the
 * head of a channel (the next record its receiver would read), which loses nothing: the receiver
 * reads a FIFO one record at a time, so a fault further back is the same fault later.
 */
public enum FaultKind {
  /** The head record is lost. */
  DROP,
  /** The head record is delivered and a copy stays at the head. */
  DUPLICATE,
  /** The head record and the next one change places. */
  SWAP,
  /** The head record is delivered with some bytes changed. */
  CORRUPT,
  /** A well-formed message of any kind is delivered, as if from the channel's sender. */
  INJECT
}
