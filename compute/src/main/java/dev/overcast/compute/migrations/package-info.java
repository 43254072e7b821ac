/**
 * Migration records: one for each resize or cold migration of a server, kept in the server's cell as
 * Nova's {@code migrations} table. The API writes one when a move is asked; the conductor's move
 * workflow advances its status; {@code GET /os-migrations} lists them.
 */
package dev.overcast.compute.migrations;
