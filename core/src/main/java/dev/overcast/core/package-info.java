/** The platform kit every Overcast service uses. Imports no service. */
package dev.overcast.core;
