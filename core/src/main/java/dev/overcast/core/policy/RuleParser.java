package dev.overcast.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/*
 * Parses oslo.policy's rule language into a Rule tree, once per rule, when a Policy is built.
 *
 * Tokens are found exactly as oslo.policy's _parse_tokenize finds them: the text is split
 * on whitespace; leading '(' and trailing ')' are peeled off each word (parentheses inside a
 * word, as in %(project_id)s, stay part of the check); the words and/or/not are operators
 * in any case; every other word is a check KIND:VALUE, or @ / !. So "(role:a)or(role:b)" is
 * one odd check, not two, just as in oslo.
 *
 * oslo.policy then runs a greedy shift-reduce parser. For every rule it accepts, that builds
 * the same tree as this recursive descent over the usual grammar, which makes the
 * precedence explicit (not binds tightest, then and, then or):
 *
 *     or      := and ('or' and)*
 *     and     := unary ('and' unary)*
 *     unary   := 'not' unary | primary
 *     primary := '(' or ')' | check
 *
 * Where the two differ is on bad input: oslo logs "Failed to understand rule" and denies
 * everyone at request time; we throw IllegalArgumentException naming the problem, so a bad
 * default fails the build and a bad operator file fails start-up. For the same reason a word
 * without ':', an http: check, a stray quoted string and an unsupported '%' are errors here
 * rather than checks that are silently always false.
 */
final class RuleParser {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final int MAX_DEPTH = 100;

    private enum Kind { OPEN, CLOSE, AND, OR, NOT, CHECK, STRING }

    private record Token(Kind kind, String text) {
    }

    private final List<Token> tokens;
    private int next;
    private int depth;

    private RuleParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Parses rule text; the empty string allows everyone. Throws IllegalArgumentException saying what is wrong. */
    static Rule parse(String text) {
        if (text.isEmpty()) {
            return new Rule.Always(true);
        }
        List<Token> tokens = tokenize(text);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("the rule is blank; write \"\" or @ to allow everyone, ! to allow no one");
        }
        var parser = new RuleParser(tokens);
        Rule rule = parser.or();
        if (parser.next < tokens.size()) {
            Token extra = tokens.get(parser.next);
            throw new IllegalArgumentException(extra.kind() == Kind.CLOSE
                    ? "')' has no matching '('"
                    : "expected 'and' or 'or' before '" + extra.text() + "'");
        }
        return rule;
    }

    private Rule or() {
        var parts = new ArrayList<Rule>();
        parts.add(and());
        while (accept(Kind.OR)) {
            parts.add(and());
        }
        return parts.size() == 1 ? parts.getFirst() : new Rule.Or(parts);
    }

    private Rule and() {
        var parts = new ArrayList<Rule>();
        parts.add(unary());
        while (accept(Kind.AND)) {
            parts.add(unary());
        }
        return parts.size() == 1 ? parts.getFirst() : new Rule.And(parts);
    }

    private Rule unary() {
        if (++depth > MAX_DEPTH) {
            throw new IllegalArgumentException("the rule nests 'not' and parentheses more than " + MAX_DEPTH + " deep");
        }
        try {
            return accept(Kind.NOT) ? new Rule.Not(unary()) : primary();
        } finally {
            depth--;
        }
    }

    private Rule primary() {
        String after = next == 0 ? "at the start" : "after '" + tokens.get(next - 1).text() + "'";
        if (next == tokens.size()) {
            throw new IllegalArgumentException("the rule ends where a check was expected " + after);
        }
        Token token = tokens.get(next++);
        return switch (token.kind()) {
            case CHECK -> check(token.text());
            case OPEN -> {
                Rule inner = or();
                if (!accept(Kind.CLOSE)) {
                    throw new IllegalArgumentException("'(' is never closed");
                }
                yield inner;
            }
            case STRING -> throw new IllegalArgumentException(
                    "the quoted string " + token.text() + " is not a check; quote only one side of KIND:VALUE");
            case CLOSE, AND, OR, NOT -> throw new IllegalArgumentException(
                    "expected a check " + after + " but found '" + token.text() + "'");
        };
    }

    private boolean accept(Kind kind) {
        if (next < tokens.size() && tokens.get(next).kind() == kind) {
            next++;
            return true;
        }
        return false;
    }

    private static List<Token> tokenize(String text) {
        var tokens = new ArrayList<Token>();
        for (String word : WHITESPACE.split(text.strip())) {
            int start = 0;
            while (start < word.length() && word.charAt(start) == '(') {
                tokens.add(new Token(Kind.OPEN, "("));
                start++;
            }
            int end = word.length();
            while (end > start && word.charAt(end - 1) == ')') {
                end--;
            }
            String clean = word.substring(start, end);
            if (!clean.isEmpty()) {
                tokens.add(new Token(switch (clean.toLowerCase(Locale.ROOT)) {
                    case "and" -> Kind.AND;
                    case "or" -> Kind.OR;
                    case "not" -> Kind.NOT;
                    default -> quoted(clean) && clean.indexOf(':') < 0 ? Kind.STRING : Kind.CHECK;
                }, clean));
            }
            for (int i = end; i < word.length(); i++) {
                tokens.add(new Token(Kind.CLOSE, ")"));
            }
        }
        return tokens;
    }

    /** One check, {@code @}, {@code !} or {@code KIND:VALUE}, split at the first colon as oslo does. */
    static Rule check(String text) {
        if (text.equals("@") || text.equals("!")) {
            return new Rule.Always(text.equals("@"));
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("'" + text + "' is not a check; write KIND:VALUE"
                    + " (role:admin, rule:NAME, project_id:%(project_id)s), @ or !");
        }
        String kind = text.substring(0, colon);
        String value = text.substring(colon + 1);
        if (kind.isEmpty() || value.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' needs text on both sides of ':'");
        }
        return switch (kind) {
            case "rule" -> new Rule.Ref(value);
            case "role" -> new Rule.Role(value(value));
            case "http", "https" -> throw new IllegalArgumentException(
                    "'" + text + "' is an http check, which Overcast does not support");
            default -> {
                String constant = constant(kind);
                yield constant == null ? new Rule.Attribute(kind, value(value)) : new Rule.Constant(constant, value(value));
            }
        };
    }

    /**
     * The text a literal left-hand side stands for, as {@code str(ast.literal_eval(kind))}
     * gives it in oslo: a quoted string, True, False, None or an integer; null for an
     * attribute name.
     */
    private static String constant(String kind) {
        if (quoted(kind)) {
            return kind.substring(1, kind.length() - 1);
        }
        if (kind.startsWith("'") || kind.startsWith("\"")) {
            throw new IllegalArgumentException("the quote in '" + kind + "' is never closed");
        }
        boolean literal = kind.equals("True") || kind.equals("False") || kind.equals("None")
                || INTEGER.matcher(kind).matches();
        return literal ? kind : null;
    }

    /** A quoted right-hand side is taken literally (oslo would keep the quotes and never match). */
    private static Template value(String raw) {
        return quoted(raw) ? Template.literal(raw.substring(1, raw.length() - 1)) : Template.parse(raw);
    }

    private static boolean quoted(String text) {
        return text.length() >= 2 && (text.charAt(0) == '\'' || text.charAt(0) == '"')
                && text.charAt(text.length() - 1) == text.charAt(0);
    }
}
