package dev.overcast.orchestration.template.functions;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.orchestration.template.ResolutionContext;

/**
 * {@code make_url: {scheme, username, password, host, port, path, query, fragment}}: a correctly
 * escaped URL, quoted as Python's {@code urllib.parse} quotes.
 */
final class MakeUrl extends Function {

    private static final List<String> KEYS =
            List.of("scheme", "username", "password", "host", "port", "path", "query", "fragment");
    private static final Set<String> USES_NETLOC = Set.of("", "ftp", "http", "gopher", "nntp", "telnet", "imap",
            "wais", "file", "mms", "https", "shttp", "snews", "prospero", "rtsp", "rtspu", "rsync", "svn", "svn+ssh",
            "sftp", "nfs", "git", "git+ssh", "ws", "wss");

    MakeUrl(String name, Object args) {
        super(name, args);
    }

    @Override
    public void validate(ValidationScope scope) {
        if (!(args() instanceof Map<?, ?> map)) {
            throw fail("The arguments to \"" + name() + "\" must be a map");
        }
        Set<String> invalid = new LinkedHashSet<>();
        map.keySet().forEach(k -> {
            if (!KEYS.contains(k)) {
                invalid.add((String) k);
            }
        });
        if (!invalid.isEmpty()) {
            throw fail("Invalid arguments to \"" + name() + "\": " + String.join(", ", invalid));
        }
        checkArgs(map);
    }

    /** Heat's checks, including its habit of stopping at {@code query}. */
    private void checkArgs(Map<?, ?> args) {
        for (String key : KEYS) {
            if (!args.containsKey(key)) {
                continue;
            }
            Object value = args.get(key);
            if (key.equals("query")) {
                if (!(value instanceof Function) && !(value instanceof Map<?, ?>)) {
                    throw fail("The \"" + key + "\" argument to \"" + name() + "\" must be a map");
                }
                return;
            } else if (key.equals("port")) {
                if (!(value instanceof Function)) {
                    checkPort(value, args);
                }
            } else if (!(value instanceof Function) && !(value instanceof String)) {
                throw fail("The \"" + key + "\" argument to \"" + name() + "\" must be a string");
            }
        }
    }

    private long checkPort(Object value, Map<?, ?> args) {
        long port;
        if (value instanceof Integer || value instanceof Long) {
            port = ((Number) value).longValue();
        } else {
            String text = Py.str(value).strip();
            if (!text.matches("[+-]?\\d{1,18}")) {
                throw fail("Invalid URL port \"" + Py.str(value) + "\" for " + name() + " called with " + Py.repr(args));
            }
            port = Long.parseLong(text);
        }
        if (port <= 0 || port > 65535) {
            throw fail("Invalid URL port " + port + ", must be in range 1-65535");
        }
        return port;
    }

    @Override
    public Object resolve(ResolutionContext context) {
        Object resolved = Snippets.resolveRaw(args(), context);
        if (!(resolved instanceof Map<?, ?> args)) {
            throw fail("The arguments to \"" + name() + "\" must be a map");
        }
        checkArgs(args);
        String scheme = text(args, "scheme");
        if (scheme.contains(":")) {
            throw fail("URL \"scheme\" should not contain ':'");
        }
        StringBuilder netloc = new StringBuilder();
        String username = quote(text(args, "username"), "");
        String password = quote(text(args, "password"), "");
        if (!username.isEmpty() || !password.isEmpty()) {
            netloc.append(username);
            if (!password.isEmpty()) {
                netloc.append(':').append(password);
            }
            netloc.append('@');
        }
        String host = text(args, "host");
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        host = quote(host, ":");
        netloc.append(host.contains(":") ? "[" + host + "]" : host);
        Object port = args.get("port");
        if (Py.truthy(port)) {
            netloc.append(':').append(Py.str(port));
        }
        String path = quote(text(args, "path"), "/");
        Object query = args.get("query");
        String queryText = query instanceof Map<?, ?> q ? urlencode(q).replace("%2F", "/") : "";
        String fragment = quote(text(args, "fragment"), "/");
        return unsplit(scheme, netloc.toString(), path, queryText, fragment);
    }

    private static String text(Map<?, ?> args, String key) {
        Object value = args.get(key);
        return value == null ? "" : Py.str(value);
    }

    private static String unsplit(String scheme, String netloc, String path, String query, String fragment) {
        String url = path;
        if (!netloc.isEmpty() || (!scheme.isEmpty() && USES_NETLOC.contains(scheme) && !url.startsWith("//"))) {
            if (!url.isEmpty() && !url.startsWith("/")) {
                url = "/" + url;
            }
            url = "//" + netloc + url;
        }
        if (!scheme.isEmpty()) {
            url = scheme + ":" + url;
        }
        if (!query.isEmpty()) {
            url = url + "?" + query;
        }
        if (!fragment.isEmpty()) {
            url = url + "#" + fragment;
        }
        return url;
    }

    private static String urlencode(Map<?, ?> query) {
        List<String> pairs = new ArrayList<>();
        query.forEach((k, v) -> pairs.add(quotePlus(Py.str(k)) + "=" + quotePlus(Py.str(v))));
        return String.join("&", pairs);
    }

    private static String quotePlus(String s) {
        return quote(s, " ").replace(' ', '+');
    }

    /** Python's {@code urllib.parse.quote(s, safe)}. */
    static String quote(String s, String safe) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "_.-~".indexOf(c) >= 0
                    || (c < 128 && safe.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
