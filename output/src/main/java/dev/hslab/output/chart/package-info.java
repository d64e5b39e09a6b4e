/**
 * Charts of measurements as plain SVG, drawn by code rather than by hand: a {@link
 * dev.hslab.output.chart.Scale} maps data to the page (linear or logarithmic) and chooses its
 * ticks, and {@link dev.hslab.output.chart.EcdfChart} draws one empirical distribution per
 * series (the loss sweep's handshake times per loss rate). No Graphviz: the geometry is ours, so a
 * test can read the drawn points back through the same scales. May use: nothing outside this
 * package and the JDK.
 */
package dev.hslab.output.chart;
