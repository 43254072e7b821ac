/**
 * Stack abandon and adopt, and stack snapshots with their restore.
 *
 * <p>Abandon, adopt and snapshots change only rows: no resource plugin runs. Abandon answers
 * Heat's abandon data ({@link StackData}) and forgets the stack; adopt turns such data back into a
 * stack whose resources take the given ids and data; a snapshot keeps the data and the stack's
 * exact definition ({@link StackDefinition}), and a restore hands that definition to the stack's
 * engine as an update labelled RESTORE. Snapshot and abandon run inside
 * {@link dev.overcast.orchestration.engine.StackEngine#exclusive}, so they never interleave with
 * an action of the stack's engine.
 */
package dev.overcast.orchestration.snapshots;
