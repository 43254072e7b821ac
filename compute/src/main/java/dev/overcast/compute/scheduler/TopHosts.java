package dev.overcast.compute.scheduler;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Partial selection: the indices of the {@code k} largest weights, largest first, ties in input order (as
 * Nova's stable sort leaves them). A decision needs only {@code host_subset_size + max_attempts - 1} hosts, so
 * sorting all candidates would be wasted work.
 */
final class TopHosts {
    /** Beyond this many, insertion costs more than sorting. */
    private static final int INSERTION_LIMIT = 32;

    private TopHosts() {
    }

    static int[] best(double[] weights, int n, int k) {
        if (k > INSERTION_LIMIT) {
            return sorted(weights, n, k);
        }
        int[] index = new int[k];
        double[] value = new double[k];
        int size = 0;
        for (int i = 0; i < n; i++) {
            double w = weights[i];
            if (size == k && !(w > value[k - 1])) {
                continue;
            }
            int pos = size == k ? k - 1 : size;
            while (pos > 0 && value[pos - 1] < w) {
                index[pos] = index[pos - 1];
                value[pos] = value[pos - 1];
                pos--;
            }
            index[pos] = i;
            value[pos] = w;
            if (size < k) {
                size++;
            }
        }
        return size == k ? index : Arrays.copyOf(index, size);
    }

    private static int[] sorted(double[] weights, int n, int k) {
        Integer[] all = new Integer[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        // TimSort is stable: equal weights keep Placement's order.
        Arrays.sort(all, Comparator.comparingDouble((Integer i) -> weights[i]).reversed());
        int[] out = new int[Math.min(k, n)];
        for (int i = 0; i < out.length; i++) {
            out[i] = all[i];
        }
        return out;
    }
}
