/**
 * Packet captures of a run: pcap files with synthetic TCP framing and the NSS key log that lets
 * Wireshark decrypt them. May use: model.wire, model.handshake, model.engine, model.trace.
 */
package dev.hslab.output.capture;
