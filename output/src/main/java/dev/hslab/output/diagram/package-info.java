/**
 * Diagrams of runs and of the tables: sequence diagrams and path graphs as DOT and SVG, rendered
 * by Graphviz or an embedded backend. May use: output.trace, model.handshake, model.engine,
 * model.trace, model.explore.
 */
package dev.hslab.output.diagram;
