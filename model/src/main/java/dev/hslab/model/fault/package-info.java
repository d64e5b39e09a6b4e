/**
 * The one fault vocabulary: what the network adversary may do to a message ({@link
 * dev.hslab.model.fault.FaultKind}) and an aimed fault as a typed value ({@link
 * dev.hslab.model.fault.Fault}). The explorer, the actors and the command line all speak it; the
 * text grammar that produces it lives at the edge (the scenarios module). May use:
 * model.handshake (sides and message kinds).
 */
package dev.hslab.model.fault;
