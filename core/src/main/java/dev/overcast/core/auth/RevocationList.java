package dev.overcast.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The revocation events every token check consults, held in memory: checking a token must
 * not touch a database. Identity persists events and feeds them here (and, between
 * processes, over the bus); events older than the longest token lifetime are dropped.
 */
public final class RevocationList {
    private final CopyOnWriteArrayList<RevocationEvent> events = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private final Duration retention;

    public RevocationList(Clock clock, Duration retention) {
        this.clock = clock;
        this.retention = retention;
    }

    public void add(RevocationEvent event) {
        events.add(event);
        prune();
    }

    public void addAll(List<RevocationEvent> more) {
        events.addAll(more);
        prune();
    }

    public boolean isRevoked(AuthContext token) {
        for (RevocationEvent event : events) {
            if (event.revokes(token)) {
                return true;
            }
        }
        return false;
    }

    public List<RevocationEvent> events() {
        return List.copyOf(events);
    }

    private void prune() {
        var horizon = clock.instant().minus(retention);
        events.removeIf(e -> e.issuedBefore().isBefore(horizon));
    }
}
