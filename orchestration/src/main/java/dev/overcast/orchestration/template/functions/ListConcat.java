package dev.overcast.orchestration.template.functions;

import java.util.ArrayList;
import java.util.List;

import dev.overcast.orchestration.template.ResolutionContext;

/** {@code list_concat} and {@code list_concat_unique}: the lists one after the other. */
final class ListConcat extends Function {

    private final boolean unique;

    ListConcat(String name, Object args, boolean unique) {
        super(name, args);
        this.unique = unique;
    }

    @Override
    public Object resolve(ResolutionContext context) {
        Object args = Snippets.resolveRaw(args(), context);
        if (!(args instanceof List<?> lists)) {
            throw fail("Incorrect arguments to \"" + name() + "\" should be: \"" + name()
                    + "\" : [ [ <value 1>, <value 2> ], [ <value 3>, <value 4> ] ]");
        }
        List<Object> out = new ArrayList<>();
        for (Object item : lists) {
            if (item == null) {
                continue;
            }
            if (!(item instanceof List<?> list)) {
                throw fail("Incorrect arguments: Items to concat must be lists.");
            }
            out.addAll(list);
        }
        if (unique) {
            dropEarlierDuplicates(out);
        }
        return out;
    }

    /**
     * Heat removes earlier copies of an item while iterating over the same list; this walks the
     * list the same way so the surviving order is the same as Heat's.
     */
    private static void dropEarlierDuplicates(List<Object> items) {
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            while (count(items, item) > 1) {
                items.remove(indexOf(items, item));
            }
        }
    }

    private static int count(List<Object> items, Object item) {
        int n = 0;
        for (Object o : items) {
            if (Py.equal(o, item)) {
                n++;
            }
        }
        return n;
    }

    private static int indexOf(List<Object> items, Object item) {
        for (int i = 0; i < items.size(); i++) {
            if (Py.equal(items.get(i), item)) {
                return i;
            }
        }
        return -1;
    }
}
