package dev.hslab.output.chart;

/** A tick of an axis: the data value it marks and the text written beside it. */
public record Tick(double value, String label) {}
