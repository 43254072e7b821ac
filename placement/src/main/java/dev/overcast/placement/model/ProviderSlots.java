package dev.overcast.placement.model;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The {@link ProviderIndex}'s providers in a fixed order, slot {@code i} holding the newest copy
 * of provider {@code i} and its {@link ResourceRoom}: walks read them in sequence without hashing
 * a uuid per provider. A slot is replaced in place when its provider changes; a slot's room may
 * be a change ahead of or behind the record read from it a moment before, as candidates may be.
 */
public final class ProviderSlots extends AbstractList<Provider> implements RandomAccess {
    private final AtomicReferenceArray<Provider> providers;
    private final AtomicReferenceArray<long[]> rooms;
    private final Map<String, Integer> positions;

    ProviderSlots(List<Provider> inOrder) {
        providers = new AtomicReferenceArray<>(inOrder.toArray(Provider[]::new));
        rooms = new AtomicReferenceArray<>(inOrder.size());
        positions = HashMap.newHashMap(inOrder.size());
        for (int i = 0; i < inOrder.size(); i++) {
            positions.put(inOrder.get(i).uuid(), i);
            rooms.set(i, ResourceRoom.of(inOrder.get(i)));
        }
    }

    /** Puts {@code p} in its provider's slot, if the provider has one. */
    void replace(Provider p) {
        Integer at = positions.get(p.uuid());
        if (at != null) {
            providers.set(at, p);
            rooms.set(at, ResourceRoom.of(p));
        }
    }

    /** The room of the provider in slot {@code index}. */
    public long[] room(int index) {
        return rooms.get(index);
    }

    @Override
    public Provider get(int index) {
        return providers.get(index);
    }

    @Override
    public int size() {
        return providers.length();
    }
}
