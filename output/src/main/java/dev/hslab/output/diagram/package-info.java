/**
 * Diagrams of runs and of the tables: state machines, path graphs and the sequence diagram's
 * grid as DOT, rendered by Graphviz or an embedded backend; the ladder diagram of a run laid out
 * here from the trace's virtual times and written as SVG without Graphviz. May use: output.trace, model.handshake, model.engine,
 * model.trace, model.explore.
 */
package dev.hslab.output.diagram;
