package dev.hslab.output.report;

/**
 * A file written next to the report, linked by a relative address so the folder can be moved.
 *
 * @param label what it is, e.g. {@code packet capture (pcap)}
 * @param href the file name relative to the report, e.g. {@code capture.pcap}
 */
public record FileLink(String label, String href) {}
