package dev.overcast.core.policy;

import java.util.stream.Collectors;

/** Writes a parsed rule back as text, the way oslo.policy's check objects print themselves. */
final class RuleTrees {
    private RuleTrees() {
    }

    static String render(Rule rule) {
        return switch (rule) {
            case Rule.Always always -> always.allow() ? "@" : "!";
            case Rule.And and -> and.parts().stream().map(RuleTrees::render).collect(Collectors.joining(" and ", "(", ")"));
            case Rule.Or or -> or.parts().stream().map(RuleTrees::render).collect(Collectors.joining(" or ", "(", ")"));
            case Rule.Not not -> "not " + render(not.negated());
            case Rule.Ref ref -> "rule:" + ref.name();
            case Rule.Role role -> "role:" + render(role.role());
            case Rule.Attribute attribute -> attribute.name() + ":" + render(attribute.value());
            case Rule.Constant constant -> "'" + constant.literal() + "':" + render(constant.value());
        };
    }

    static String render(Template template) {
        return template.parts().stream()
                .map(part -> switch (part) {
                    case Template.Text text -> text.text();
                    case Template.Placeholder placeholder -> "%(" + placeholder.key() + ")s";
                })
                .collect(Collectors.joining());
    }
}
