/**
 * API microversions, declared once per service.
 *
 * <p>A service builds one {@link dev.overcast.core.version.VersionHistory} (every
 * microversion with its one-line change), negotiates each request's version from the
 * {@code OpenStack-API-Version} header (or the service's legacy header), and picks the
 * schema or serializer for that version from a {@link dev.overcast.core.version.Versioned}
 * table declared per route. Behaviour follows Nova's {@code api_version_request.py} and the
 * {@code microversion-parse} library.
 */
package dev.overcast.core.version;
