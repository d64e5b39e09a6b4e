/**
 * The hello extensions (RFC 5246 §7.4.1.4, RFC 6066, RFC 8422, RFC 5746, RFC 5077, RFC 7627), one
 * file each, and the block that holds them. May use: model.wire, model.suite.
 */
package dev.hslab.model.message.extension;
