package dev.overcast.orchestration.resources.software;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A MIME multipart/mixed message of text parts, written as Python's {@code email} package
 * writes one (which is what cloud-init reads from Heat's OS::Heat::MultipartMime), and read
 * back into its parts. Pure.
 */
final class Mime {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILENAME = Pattern.compile("filename=\"?([^\";]*)\"?", Pattern.CASE_INSENSITIVE);

    private Mime() {
    }

    /**
     * One text part.
     *
     * @param text     its content
     * @param subtype  {@code text/<subtype>}; {@code plain} when empty
     * @param filename the attachment's file name, or empty for none
     */
    record Part(String text, String subtype, String filename) {
    }

    /** Python's boundary: fifteen {@code =}, a 19-digit token, {@code ==}. */
    static String boundary(long token) {
        return "=".repeat(15) + String.format(Locale.ROOT, "%019d", token) + "==";
    }

    /** @return the message: its headers, then each part, then the closing delimiter */
    static String write(List<Part> parts, String boundary) {
        StringBuilder out = new StringBuilder();
        out.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\n");
        out.append("MIME-Version: 1.0\n\n");
        for (int i = 0; i < parts.size(); i++) {
            out.append(i == 0 ? "" : "\n").append("--").append(boundary).append('\n');
            appendPart(out, parts.get(i));
        }
        out.append("\n--").append(boundary).append("--\n");
        return out.toString();
    }

    private static void appendPart(StringBuilder out, Part part) {
        boolean ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(part.text());
        String subtype = part.subtype().isEmpty() ? "plain" : part.subtype();
        out.append("Content-Type: text/").append(subtype).append("; charset=\"").append(ascii ? "us-ascii" : "utf-8")
                .append("\"\n");
        out.append("MIME-Version: 1.0\n");
        out.append("Content-Transfer-Encoding: ").append(ascii ? "7bit" : "base64").append('\n');
        if (!part.filename().isEmpty()) {
            out.append("Content-Disposition: attachment; filename=\"").append(part.filename()).append("\"\n");
        }
        out.append('\n');
        if (ascii) {
            out.append(part.text());
        } else {
            String encoded = Base64.getEncoder().encodeToString(part.text().getBytes(StandardCharsets.UTF_8));
            for (int at = 0; at < encoded.length(); at += 76) {
                out.append(encoded, at, Math.min(encoded.length(), at + 76)).append('\n');
            }
        }
    }

    /**
     * @return the parts of a multipart message, decoded; empty when {@code message} is not one
     */
    static List<Part> read(String text) {
        String message = text.replace("\r\n", "\n");
        int split = headerEnd(message);
        if (split < 0) {
            return List.of();
        }
        Map<String, String> headers = headers(message.substring(0, split));
        String type = headers.getOrDefault("content-type", "");
        Matcher b = BOUNDARY.matcher(type);
        if (!type.toLowerCase(Locale.ROOT).startsWith("multipart/") || !b.find()) {
            return List.of();
        }
        String delimiter = "--" + b.group(1);
        String body = "\n" + message.substring(split);
        List<Part> parts = new ArrayList<>();
        String[] chunks = body.split("\n" + Pattern.quote(delimiter), -1);
        for (int i = 1; i < chunks.length; i++) {
            String chunk = chunks[i];
            if (chunk.startsWith("--")) {
                break;
            }
            parts.add(part(chunk.substring(chunk.indexOf('\n') + 1)));
        }
        return parts;
    }

    private static Part part(String chunk) {
        int split = headerEnd(chunk);
        Map<String, String> headers = headers(split < 0 ? chunk : chunk.substring(0, split));
        String payload = split < 0 ? "" : chunk.substring(split);
        String type = headers.getOrDefault("content-type", "text/plain");
        String subtype = type.contains("/") ? type.substring(type.indexOf('/') + 1).split(";")[0].strip() : "plain";
        if (headers.getOrDefault("content-transfer-encoding", "").strip().equalsIgnoreCase("base64")) {
            payload = new String(Base64.getMimeDecoder().decode(payload), StandardCharsets.UTF_8);
        }
        Matcher f = FILENAME.matcher(headers.getOrDefault("content-disposition", ""));
        return new Part(payload, subtype, f.find() ? f.group(1) : "");
    }

    /** @return where the body starts (after the blank line), or -1 */
    private static int headerEnd(String text) {
        if (text.startsWith("\n")) {
            return 1;
        }
        int at = text.indexOf("\n\n");
        return at < 0 ? -1 : at + 2;
    }

    private static Map<String, String> headers(String block) {
        Map<String, String> out = new LinkedHashMap<>();
        String last = null;
        for (String line : block.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if ((line.startsWith(" ") || line.startsWith("\t")) && last != null) {
                out.put(last, out.get(last) + " " + line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                last = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                out.put(last, line.substring(colon + 1).strip());
            }
        }
        return out;
    }
}
