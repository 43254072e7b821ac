package dev.overcast.compute.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Why no host was found: how many candidates Placement returned and, step by step, how many hosts each step
 * removed and why. {@link #message()} renders it as one sentence an operator can act on.
 *
 * @param candidates how many hosts Placement offered
 * @param requested  the resources asked of Placement
 * @param steps      the steps that removed hosts, in the order they ran
 * @param notes      further sentences (a pre-filter's refusal, which instance of several failed)
 */
public record Explanation(int candidates, Map<String, Long> requested, List<Step> steps, List<String> notes) {
    /** How many distinct reasons a step shows before "and N more". */
    private static final int REASONS_SHOWN = 3;

    public Explanation {
        requested = Map.copyOf(Objects.requireNonNull(requested, "requested"));
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
    }

    /**
     * One step that removed hosts: a filter, the requested destination, a claim in Placement.
     *
     * @param name    the step's name, e.g. {@code ComputeFilter}
     * @param removed how many hosts it removed
     * @param reasons why, most common first
     */
    public record Step(String name, int removed, List<Reason> reasons) {
        public Step {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * One reason and how many hosts it removed.
     *
     * @param reason the reason
     * @param hosts  how many hosts
     */
    public record Reason(String reason, int hosts) {
    }

    /** The explanation when Placement offered nothing. */
    public static Explanation noCandidates(Map<String, Long> requested) {
        return new Explanation(0, requested, List.of(), List.of());
    }

    /** This explanation with another sentence at the end. */
    public Explanation withNote(String note) {
        List<String> next = new ArrayList<>(notes);
        next.add(note);
        return new Explanation(candidates, requested, steps, next);
    }

    /** This explanation with one more step. */
    public Explanation withStep(Step step) {
        List<Step> next = new ArrayList<>(steps);
        next.add(step);
        return new Explanation(candidates, requested, next, notes);
    }

    /**
     * The explanation as one message, e.g. {@code No valid host was found. Placement returned 12 candidates;
     * ComputeFilter removed 3 (service disabled: 2, service down: 1); ServerGroupAntiAffinityFilter removed 9
     * (already hosts a member of group G).}
     */
    public String message() {
        StringBuilder out = new StringBuilder("No valid host was found.");
        if (candidates == 0) {
            out.append(" Placement returned no candidates for ").append(requestedText()).append('.');
        } else {
            out.append(" Placement returned ").append(candidates).append(candidates == 1 ? " candidate" : " candidates");
            for (Step step : steps) {
                if (step.removed() > 0) {
                    out.append("; ").append(step.name()).append(" removed ").append(step.removed());
                    appendReasons(out, step.reasons());
                }
            }
            out.append('.');
        }
        for (String note : notes) {
            out.append(' ').append(note);
        }
        return out.toString();
    }

    private String requestedText() {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(requested).forEach((rc, n) -> out.append(out.isEmpty() ? "" : ", ").append(rc).append('=')
                .append(n));
        return out.isEmpty() ? "no resources" : out.toString();
    }

    private static void appendReasons(StringBuilder out, List<Reason> reasons) {
        if (reasons.isEmpty()) {
            return;
        }
        out.append(" (");
        if (reasons.size() == 1) {
            out.append(reasons.getFirst().reason());
        } else {
            for (int i = 0; i < Math.min(REASONS_SHOWN, reasons.size()); i++) {
                Reason r = reasons.get(i);
                out.append(i == 0 ? "" : ", ").append(r.reason()).append(": ").append(r.hosts());
            }
            if (reasons.size() > REASONS_SHOWN) {
                out.append(", and ").append(reasons.size() - REASONS_SHOWN).append(" more");
            }
        }
        out.append(')');
    }
}
